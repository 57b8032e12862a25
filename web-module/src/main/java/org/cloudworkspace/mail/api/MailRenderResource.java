package org.cloudworkspace.mail.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.mail.MailAccounts;
import org.cloudworkspace.mail.MailMessage;
import org.cloudworkspace.mail.Mailbox;
import org.cloudworkspace.mail.RenderTickets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The document shown in the message frame: the sanitized HTML (or the text) of one message, under its own strict CSP
 * ({@code default-src 'none'}, images only as data URLs unless remote images were allowed, no script, no forms, no
 * base, sandboxed) so that even a sanitizer bypass could neither run script nor load anything. The frame request has
 * no bearer token; the signed ticket in the path (from the message's {@code htmlUrl}, valid for minutes) stands in.
 */
@Path("mail/render/{ticket}")
@PermitAll
@Tag(name = "Mail")
public class MailRenderResource {

  /** The frame's policy without and with remote images. */
  static String csp(boolean remote) {
    return "default-src 'none'; img-src data:" + (remote ? " https: http:" : "")
        + "; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self';"
        + " sandbox allow-popups allow-popups-to-escape-sandbox";
  }

  @Inject RenderTickets tickets;

  @Inject MailAccounts accounts;

  @Inject Mailbox mailbox;

  @Context HttpServletResponse response;

  @GET
  @Produces("text/html; charset=UTF-8")
  @Operation(summary = "The sandboxed HTML document of a message (for an iframe; the ticket comes from htmlUrl)")
  public String render(@PathParam("ticket") String ticket) {
    RenderTickets.Grant grant = tickets.verify(ticket).orElseThrow(() -> new DomainException(
        DomainException.Kind.NOT_FOUND, "Expired message link", "This message link is invalid or expired; reopen the message."));
    MailMessage message = mailbox.message(accounts.open(grant.userId(), grant.accountId()), grant.folder(),
        grant.uid(), grant.remote(), false);
    response.setHeader("Content-Security-Policy", csp(grant.remote()));
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    String body = message.html() != null
        ? message.html()
        : "<pre style=\"white-space:pre-wrap;font-family:inherit\">" + escape(message.text() == null ? "" : message.text())
            + "</pre>";
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
        + "<style>body{margin:0;padding:12px;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;"
        + "color:#1f2328;background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}"
        + "table{max-width:100%}</style></head><body>" + body + "</body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
