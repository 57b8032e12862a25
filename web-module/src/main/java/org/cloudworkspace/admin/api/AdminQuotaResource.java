package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.admin.QuotaAdministration;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's storage quota, for admins. */
@Path("admin/users/{id}/quota")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AdminQuotaResource {

  @Inject QuotaAdministration quotas;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "A user's storage quota and usage")
  public UserQuotaView quota(@PathParam("id") String id) {
    return UserQuotaView.from(id, quotas.storageOf(id));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a user's storage quota in bytes; null returns to the workspace default")
  public UserQuotaView changeQuota(
      @PathParam("id") String id,
      @NotNull(message = "Send a JSON body with quotaBytes (a number, or null for the default).") @Valid
          QuotaRequest body) {
    return UserQuotaView.from(
        id, quotas.changeQuota(jwt.getSubject(), id, body.quotaBytes(), addresses.of(request)).usage());
  }
}
