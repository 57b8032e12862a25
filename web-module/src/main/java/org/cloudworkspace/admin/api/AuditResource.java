package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudworkspace.common.audit.AuditLog;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, newest first, for admins. */
@Path("admin/audit-events")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AuditResource {

  @Inject AuditLog audit;

  @GET
  @Operation(summary = "Audit events, newest first, filtered by type and actor")
  public List<AuditEventView> list(
      @QueryParam("type") @Pattern(regexp = "[a-z_.]{1,64}", message = "A type is like auth.sign_in.") String type,
      @QueryParam("actorId") @Pattern(regexp = "[0-9a-f-]{36}", message = "An actor id is a user id.") String actorId,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 event.")
          @Max(value = 500, message = "Ask for at most 500 events.") int size) {
    return audit.newest(type, actorId, page * size, size).stream().map(AuditEventView::from).toList();
  }
}
