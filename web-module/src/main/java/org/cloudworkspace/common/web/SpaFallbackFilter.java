package org.cloudworkspace.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Client-side routes of the SPA ({@code /profile}, {@code /files/a/b}) are answered with {@code index.html}, so that a
 * reload or a shared link works. API, WebSocket and existing static files are left alone.
 */
public class SpaFallbackFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isClientRoute(request)) {
      request.getRequestDispatcher("/index.html").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean isClientRoute(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.isEmpty() || "/".equals(path) || path.startsWith("/api/") || "/api".equals(path)
        || path.startsWith("/ws/") || path.startsWith("/assets/") || path.startsWith("/dav/") || "/dav".equals(path)) {
      return false;
    }
    String lastSegment = path.substring(path.lastIndexOf('/') + 1);
    if (lastSegment.contains(".")) {
      return false;
    }
    try {
      return getServletContext().getResource(path) == null;
    } catch (java.net.MalformedURLException e) {
      return false;
    }
  }
}
