package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.admin.UserAdministration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every user's open sign-in sessions, for admins; one is ended at DELETE /api/admin/users/{id}/sessions/{sid}. */
@Path("admin/sessions")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AdminSessionResource {

  @Inject UserAdministration administration;

  @GET
  @Operation(summary = "Open sessions of all users (or of users matching search), newest use first: {items, total}")
  public PageView<AdminSessionView> list(
      @QueryParam("search") @Size(max = 100, message = "Search for at most 100 characters.") String search,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 session.")
          @Max(value = 500, message = "Ask for at most 500 sessions.") int size) {
    UserAdministration.SessionPage result = administration.allSessions(search, page * size, size);
    return new PageView<>(result.items().stream().map(AdminSessionView::from).toList(), result.total());
  }
}
