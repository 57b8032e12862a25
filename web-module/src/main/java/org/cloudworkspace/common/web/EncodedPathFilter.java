package org.cloudworkspace.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses addresses whose raw path holds an encoded dot, slash or backslash ({@code %2E}, {@code %2F}, {@code %5C}),
 * a backslash or a literal {@code #} with 400, before anything reads the path. Liberty's own check (Servlet 6's
 * suspicious-URI rule) refused these and also an encoded {@code #} ({@code %23}), so that a file named
 * {@code Invoice #12.pdf} could be neither uploaded nor reached over WebDAV. web.xml turns that check off
 * ({@code SKIP_ENCODED_CHAR_VERIFICATION}) and this filter keeps the rest of it: {@code %23} is an ordinary character
 * of a name.
 */
public class EncodedPathFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  private static final List<String> REFUSED = List.of("%2e", "%2f", "%5c", "\\", "#");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (refused(request.getRequestURI())) {
      response.sendError(400);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether a raw (still percent-encoded) path holds one of the refused forms. */
  public static boolean refused(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    return REFUSED.stream().anyMatch(lower::contains);
  }
}
