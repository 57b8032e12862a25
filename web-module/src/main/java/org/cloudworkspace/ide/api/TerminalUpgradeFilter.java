package org.cloudworkspace.ide.api;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.common.settings.SettingsService;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.ide.IdeService;
import org.cloudworkspace.ide.TerminalGrant;

/**
 * Guards the terminal WebSocket's upgrade: the Origin must be this app (the address the request came to, or
 * {@code WORKSPACE_PUBLIC_URL}), and the {@code ticket} must be a valid, unused terminal ticket, which this redeems.
 * Anything else is refused with 403 before the upgrade, and audited.
 */
@WebFilter(filterName = "ideTerminalUpgrade", urlPatterns = IdeTerminalEndpoint.PATH)
public class TerminalUpgradeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(TerminalUpgradeFilter.class.getName());

  @Inject transient IdeService ide;

  @Inject transient TerminalGrants grants;

  @Inject transient ClientAddresses addresses;

  @Inject transient SettingsService settings;

  @Inject transient AuditLog audit;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    if (!sameOrigin(request, origin)) {
      refuse(request, response, "The connection must come from this workspace's own pages.", "origin " + origin);
      return;
    }
    String ticket = request.getParameter("ticket");
    Optional<TerminalGrant> grant = ide.redeemTicket(ticket);
    if (grant.isEmpty()) {
      refuse(request, response, "The terminal ticket is invalid, expired or used; open the terminal again.", "ticket");
      return;
    }
    grants.put(ticket, grant.get());
    chain.doFilter(request, response);
  }

  private boolean sameOrigin(HttpServletRequest request, String origin) {
    if (origin == null || origin.isBlank() || "null".equals(origin)) {
      return false;
    }
    String scheme = addresses.isSecure(request) ? "https" : "http";
    String host = request.getHeader("Host");
    if (host != null && origin.equalsIgnoreCase(scheme + "://" + host)) {
      return true;
    }
    String publicUrl = settings.appPublicUrl();
    if (publicUrl != null && !publicUrl.isBlank()) {
      try {
        URI uri = new URI(publicUrl);
        String expected =
            uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return origin.equalsIgnoreCase(expected);
      } catch (URISyntaxException | NullPointerException e) {
        return false;
      }
    }
    return false;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String detail, String why)
      throws IOException {
    LOG.log(Level.WARNING, "Refused a terminal connection from {0}: {1}",
        new Object[] {addresses.of(request).address(), why});
    audit.record(AuditType.IDE_ACCESS_DENIED, AuditOutcome.FAILURE, null, null, "terminal", addresses.of(request),
        "terminal connection refused: " + why);
    ProblemDetails problem = ProblemDetails.of("forbidden", "Forbidden", 403, detail, request.getRequestURI());
    response.setStatus(403);
    response.setContentType(ProblemDetails.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    try (Jsonb jsonb = JsonbBuilder.create()) {
      response.getWriter().write(jsonb.toJson(problem));
    } catch (Exception e) {
      LOG.log(Level.FINE, "Writing the refusal failed", e);
    }
  }
}
