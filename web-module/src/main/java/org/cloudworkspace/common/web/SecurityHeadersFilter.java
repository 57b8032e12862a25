package org.cloudworkspace.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;

/**
 * Security headers on every response of the web module: a CSP without inline script that forbids framing, plugins and
 * base-URI changes; nosniff; a strict referrer policy; and no caching of API answers.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * The content security policy of the SPA and the API. Styles may be inline because the IDE's editor (Monaco) and
   * terminal (xterm.js) inject {@code <style>} elements at run time; scripts stay limited to our own files.
   */
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self';"
          + " connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Inject Instance<CspAllowance> allowances;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policyFor(request));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
    } else if (path.startsWith("/assets/")) {
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    } else {
      response.setHeader("Cache-Control", "no-cache");
    }
    chain.doFilter(request, response);
  }

  /** The strict policy, with script-src and frame-src widened by one origin where a context allows it. */
  private String policyFor(HttpServletRequest request) {
    if (allowances == null) {
      return CSP;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (CspAllowance allowance : allowances) {
      Optional<String> origin = allowance.originFor(path);
      if (origin.isPresent() && origin.get().matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
        return CSP.replace("script-src 'self';", "script-src 'self' " + origin.get() + ";")
            + "; frame-src " + origin.get();
      }
    }
    return CSP;
  }
}
