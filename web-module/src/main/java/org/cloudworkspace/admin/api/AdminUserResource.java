package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cloudworkspace.admin.UserAdministration;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.api.UserView;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User accounts, for admins. */
@Path("admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AdminUserResource {

  @Inject UserAdministration administration;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "Users ordered by username, optionally filtered by a search term")
  public List<UserView> list(
      @QueryParam("search") @Size(max = 100, message = "Search for at most 100 characters.") String search,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 user.")
          @Max(value = 500, message = "Ask for at most 500 users.") int size) {
    return administration.list(search, page * size, size).stream().map(UserView::from).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user")
  public Response create(@NotNull(message = "Send a JSON body describing the user.") @Valid CreateUserRequest body) {
    UserAccount user =
        administration.create(
            jwt.getSubject(), body.username(), body.email(), body.displayName(), body.role(), body.password(),
            addresses.of(request));
    return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build()).entity(UserView.from(user)).build();
  }

  @POST
  @Path("{id}/disable")
  @Operation(summary = "Disable a user: every session and access token of the user ends at once")
  public UserView disable(@PathParam("id") String id) {
    return UserView.from(administration.disable(jwt.getSubject(), id, addresses.of(request)));
  }

  @POST
  @Path("{id}/enable")
  @Operation(summary = "Enable a user again")
  public UserView enable(@PathParam("id") String id) {
    return UserView.from(administration.enable(jwt.getSubject(), id, addresses.of(request)));
  }
}
