package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.Map;
import org.cloudworkspace.admin.UserAdministration;
import org.cloudworkspace.admin.UserPage;
import org.cloudworkspace.admin.UserSort;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.api.SessionView;
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
  @Operation(summary = "Users matching a search term, sorted and paged: {items, total}")
  public PageView<AdminUserView> list(
      @QueryParam("search") @Size(max = 100, message = "Search for at most 100 characters.") String search,
      @QueryParam("sort") @DefaultValue("username")
          @Pattern(
              regexp = "username|displayName|email|role|enabled|lastLoginAt|createdAt|usedBytes",
              message =
                  "Sort by username, displayName, email, role, enabled, lastLoginAt, createdAt or usedBytes.")
          String sort,
      @QueryParam("dir") @DefaultValue("asc") @Pattern(regexp = "asc|desc", message = "Use asc or desc.") String dir,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 user.")
          @Max(value = 500, message = "Ask for at most 500 users.") int size) {
    UserPage result =
        administration.list(
            search, UserSort.fromCode(sort).orElse(UserSort.USERNAME), "desc".equals(dir), page * size, size);
    return new PageView<>(result.items().stream().map(AdminUserView::from).toList(), result.total());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a user; the password is temporary (must be changed at first sign-in) by default")
  public Response create(@NotNull(message = "Send a JSON body describing the user.") @Valid CreateUserRequest body) {
    UserAccount user =
        administration.create(
            jwt.getSubject(), body.username(), body.email(), body.displayName(), body.role(), body.password(),
            body.temporaryPassword(), addresses.of(request));
    return Response.created(uri.getAbsolutePathBuilder().path(user.id()).build())
        .entity(AdminUserView.from(administration.get(user.id())))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One user")
  public AdminUserView get(@PathParam("id") String id) {
    return AdminUserView.from(administration.get(id));
  }

  @GET
  @Path("{id}/deletion")
  @Operation(
      summary = "What deleting the user would take away (files, folders, versions, trash, bytes) and whether it is"
          + " allowed; for the confirmation")
  public DeletionPreviewView deletionPreview(@PathParam("id") String id) {
    return DeletionPreviewView.from(administration.previewDeletion(jwt.getSubject(), id));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete a user after confirmation (confirm = the username); files=transfer moves the files into a"
          + " folder 'From <username>' of transferTo (quota checked, 507 when full), files=remove deletes them;"
          + " never oneself nor the last admin (409)")
  public UserDeletedView delete(
      @PathParam("id") String id,
      @QueryParam("confirm") @Size(max = 64, message = "A username has at most 64 characters.") String confirm,
      @QueryParam("files") @Pattern(regexp = "transfer|remove", message = "Use files=transfer or files=remove.")
          String files,
      @QueryParam("transferTo") @Size(max = 36, message = "A user id has at most 36 characters.") String transferTo) {
    UserAdministration.FilesOnDelete mode =
        files == null
            ? null
            : "transfer".equals(files)
                ? UserAdministration.FilesOnDelete.TRANSFER
                : UserAdministration.FilesOnDelete.REMOVE;
    return UserDeletedView.from(
        administration.delete(jwt.getSubject(), id, confirm, mode, transferTo, addresses.of(request)));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change display name, email or role; refuses demoting oneself or the last admin (409)")
  public AdminUserView edit(
      @PathParam("id") String id,
      @NotNull(message = "Send a JSON body with displayName, email or role.") @Valid UpdateUserRequest body) {
    administration.edit(
        jwt.getSubject(), id, new UserAdministration.UserChange(body.displayName(), body.email(), body.role()),
        addresses.of(request));
    return get(id);
  }

  @POST
  @Path("{id}/disable")
  @Operation(summary = "Disable a user: every session and access token of the user ends at once")
  public AdminUserView disable(@PathParam("id") String id) {
    administration.disable(jwt.getSubject(), id, addresses.of(request));
    return get(id);
  }

  @POST
  @Path("{id}/enable")
  @Operation(summary = "Enable a user again")
  public AdminUserView enable(@PathParam("id") String id) {
    administration.enable(jwt.getSubject(), id, addresses.of(request));
    return get(id);
  }

  @POST
  @Path("{id}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a temporary password the user must change; ends every session of the user")
  public AdminUserView resetPassword(
      @PathParam("id") String id,
      @NotNull(message = "Send a JSON body with password.") @Valid ResetPasswordRequest body) {
    administration.resetPassword(jwt.getSubject(), id, body.password(), addresses.of(request));
    return get(id);
  }

  @GET
  @Path("{id}/sessions")
  @Operation(summary = "The user's open sign-in sessions, newest use first")
  public List<SessionView> sessions(@PathParam("id") String id) {
    return administration.sessions(id).stream().map(s -> SessionView.from(s, null)).toList();
  }

  @DELETE
  @Path("{id}/sessions/{sid}")
  @Operation(summary = "End one session of the user")
  public Response endSession(@PathParam("id") String id, @PathParam("sid") String sid) {
    administration.endSession(jwt.getSubject(), id, sid, addresses.of(request));
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/sessions")
  @Operation(summary = "End every session and access token of the user; answers how many sessions ended")
  public Map<String, Integer> endAllSessions(@PathParam("id") String id) {
    return Map.of("ended", administration.endAllSessions(jwt.getSubject(), id, addresses.of(request)));
  }

  @DELETE
  @Path("{id}/2fa")
  @Operation(summary = "Reset the user's second factor: the user signs in with the password alone until enrolling again")
  public Response resetTwoFactor(@PathParam("id") String id) {
    administration.resetTwoFactor(jwt.getSubject(), id, addresses.of(request));
    return Response.noContent().build();
  }
}
