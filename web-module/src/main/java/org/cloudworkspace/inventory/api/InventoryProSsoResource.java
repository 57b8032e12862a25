package org.cloudworkspace.inventory.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Logger;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.inventory.InventorySettings;
import org.cloudworkspace.inventory.RequestSignature;
import org.cloudworkspace.inventory.SsoTickets;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Single sign-on into InventoryPro (the CAS service-ticket pattern): the signed-in user gets a one-time ticket and the
 * address to send the browser to; InventoryPro redeems the ticket server to server with a signed request.
 */
@Path("integrations/inventorypro")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "InventoryPro")
public class InventoryProSsoResource {

  /** The largest redemption body read; a ticket and a service address need far less. */
  static final int MAX_BODY_BYTES = 8 * 1024;

  private static final Logger LOG = Logger.getLogger(InventoryProSsoResource.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject SsoTickets tickets;

  @Inject InventorySettings settings;

  @Inject ClientAddresses addresses;

  @Inject JsonWebToken jwt;

  @Context HttpServletRequest request;

  @POST
  @Path("sso")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "Start single sign-on into InventoryPro",
      description =
          "Issues a one-time ticket (valid for at most 60 s, bound to this user and to INVENTORY_PRO_URL) and answers"
              + " with InventoryPro's login address carrying it; the browser goes there next.")
  @APIResponse(responseCode = "200", description = "The address to send the browser to")
  @APIResponse(responseCode = "503", description = "InventoryPro is not configured")
  public SsoRedirect startSso() {
    settings.requireConfigured();
    return new SsoRedirect(tickets.issue(jwt.getSubject(), addresses.of(request)).redirectUrl());
  }

  @POST
  @Path("tickets/validate")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Redeem a ticket (InventoryPro, server to server)",
      description =
          "Signed with INVENTORY_PRO_SHARED_SECRET: X-InventoryPro-Timestamp and X-InventoryPro-Signature over method,"
              + " path, timestamp and the SHA-256 of the raw body. A ticket works once, even when its redemption"
              + " fails; a request with a bad signature consumes nothing.")
  @APIResponse(responseCode = "200", description = "The ticket's user: id, username, email, displayName, roles")
  @APIResponse(responseCode = "400", description = "Malformed body, or the ticket was issued for another service")
  @APIResponse(responseCode = "401", description = "The request is not correctly signed")
  @APIResponse(responseCode = "403", description = "The ticket's account is disabled")
  @APIResponse(responseCode = "404", description = "No such ticket")
  @APIResponse(responseCode = "410", description = "The ticket was used before, or it expired")
  @APIResponse(responseCode = "503", description = "InventoryPro is not configured")
  public Response validateTicket(
      @HeaderParam(RequestSignature.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam(RequestSignature.SIGNATURE_HEADER) String signature,
      InputStream bodyStream) {
    settings.requireConfigured();
    ClientInfo client = addresses.of(request);
    byte[] body;
    try {
      body = readAtMost(bodyStream, MAX_BODY_BYTES);
    } catch (IOException e) {
      return problem(400, "unreadable-body", "Unreadable body", "The request body could not be read.");
    }
    if (body == null) {
      return problem(413, "payload-too-large", "Payload too large", "A redemption body is at most 8 KiB.");
    }
    RequestSignature verifier = new RequestSignature(settings.requireSecret());
    if (!verifier.verify(
        request.getMethod(), pathAndQuery(), timestamp, signature, body, Instant.now().getEpochSecond())) {
      LOG.warning(() -> "Refused an InventoryPro ticket redemption with a missing, stale or wrong signature from "
          + client.address());
      tickets.recordBadSignature(client);
      return Response.fromResponse(
              problem(401, "inventorypro-signature", "Signature refused",
                  "The request is not correctly signed with the InventoryPro shared secret."))
          .header("WWW-Authenticate", "InventoryProSignature realm=\"cloud-workspace\"")
          .build();
    }
    TicketValidationRequest redemption;
    try {
      redemption = JSONB.fromJson(new String(body, StandardCharsets.UTF_8), TicketValidationRequest.class);
    } catch (JsonbException e) {
      redemption = null;
    }
    if (redemption == null || redemption.ticket() == null || redemption.service() == null) {
      return problem(400, "invalid-redemption", "Invalid redemption",
          "Send a JSON body with the ticket and the service address.");
    }
    SsoTickets.Redemption result = tickets.redeem(redemption.ticket(), redemption.service(), client);
    if (result instanceof SsoTickets.Redemption.Redeemed redeemed) {
      return Response.ok(TicketUserView.from(redeemed.user())).build();
    }
    return refusal(((SsoTickets.Redemption.Refused) result).reason());
  }

  private Response refusal(SsoTickets.Refusal reason) {
    return switch (reason) {
      case UNKNOWN -> problem(404, "ticket-unknown", "Unknown ticket", "No such ticket was issued.");
      case ALREADY_USED -> problem(410, "ticket-used", "Ticket already used",
          "This ticket was presented before; a ticket works once.");
      case EXPIRED -> problem(410, "ticket-expired", "Ticket expired", "This ticket has expired.");
      case WRONG_SERVICE -> problem(400, "ticket-wrong-service", "Wrong service",
          "This ticket was issued for another service; it is now used up.");
      case ACCOUNT_DISABLED -> problem(403, "account-disabled", "Account disabled",
          "The ticket's account is disabled.");
    };
  }

  private Response problem(int status, String slug, String title, String detail) {
    return Response.status(status)
        .type(ProblemDetails.MEDIA)
        .entity(ProblemDetails.of(slug, title, status, detail, request.getRequestURI()))
        .build();
  }

  /** The raw request target as sent: the encoded path, plus {@code ?} and the raw query when there is one. */
  private String pathAndQuery() {
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }

  /** The stream's bytes, or null when there are more than {@code max}. */
  static byte[] readAtMost(InputStream in, int max) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    byte[] bytes = in.readNBytes(max + 1);
    return bytes.length > max ? null : bytes;
  }
}
