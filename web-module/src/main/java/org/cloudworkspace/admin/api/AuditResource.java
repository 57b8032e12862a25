package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditQuery;
import org.cloudworkspace.common.audit.AuditRetention;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
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

  @Inject AuditRetention retention;

  @Inject UserDirectory users;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(
      summary = "Audit events, newest first: {items, total}",
      description =
          "Filters: type, outcome (success|failure), actorId, user (actor id or name, or target), from (inclusive)"
              + " and to (exclusive) as ISO-8601 times.")
  public PageView<AuditEventView> list(
      @Valid @BeanParam AuditFilter filter,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 event.")
          @Max(value = 500, message = "Ask for at most 500 events.") int size) {
    AuditQuery query = filter.toQuery();
    return new PageView<>(
        audit.search(query, page * size, size).stream().map(AuditEventView::from).toList(), audit.count(query));
  }

  @POST
  @Path("purge")
  @Operation(summary = "Apply the retention setting now (it also runs nightly); answers how many events were deleted")
  public Map<String, Integer> purge() {
    String name = users.findById(jwt.getSubject()).map(u -> u.username()).orElse(null);
    return Map.of("deleted", retention.purge(jwt.getSubject(), name, addresses.of(request)));
  }
}
