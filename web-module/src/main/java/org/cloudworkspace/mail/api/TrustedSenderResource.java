package org.cloudworkspace.mail.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.mail.TrustedSenders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Senders whose remote images the user always allows. */
@Path("mail/trusted-senders")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Mail")
public class TrustedSenderResource {

  /** A sender to trust. */
  public record TrustRequest(String address) {}

  @Inject TrustedSenders trusted;

  @Inject JsonWebToken jwt;

  @GET
  @Operation(summary = "The trusted senders")
  public List<String> list() {
    return trusted.of(jwt.getSubject()).stream().map(t -> t.address()).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Always show remote images of this sender")
  public Response add(TrustRequest body) {
    if (body == null) {
      throw new InvalidInputException("address", "Enter the sender's e-mail address.");
    }
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("address", trusted.add(jwt.getSubject(), body.address()).address()))
        .build();
  }

  @DELETE
  @Path("{address}")
  @Operation(summary = "Stop trusting a sender")
  public Response remove(@PathParam("address") String address) {
    trusted.remove(jwt.getSubject(), address);
    return Response.noContent().build();
  }
}
