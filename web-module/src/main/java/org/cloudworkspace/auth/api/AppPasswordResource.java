package org.cloudworkspace.auth.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudworkspace.auth.AppPasswords;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's app passwords, for WebDAV clients and other programs that sign in with Basic credentials:
 * create (the password is shown once), list (name, created, last used), revoke (refused from the next request on).
 */
@Path("me/app-passwords")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Account")
public class AppPasswordResource {

  @Inject JsonWebToken jwt;

  @Inject AppPasswords appPasswords;

  @Inject UserDirectory users;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "One's app passwords, newest first (never the passwords themselves)")
  public List<AppPasswordView> list() {
    return appPasswords.of(jwt.getSubject()).stream().map(AppPasswordView::from).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create an app password",
      description =
          "Answers 201 with the password, shown only this once, the username to use it with and the WebDAV path"
              + " (/dav/files/{username}/). The password works for WebDAV even where two-factor sign-in is on.")
  public Response create(
      @NotNull(message = "Send a JSON body with name.") @Valid CreateAppPasswordRequest body) {
    String username = users.require(jwt.getSubject()).username();
    AppPasswords.Created created = appPasswords.create(jwt.getSubject(), body.name(), addresses.of(request));
    String path =
        request.getContextPath() + "/dav/files/"
            + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20") + "/";
    return Response.status(201).entity(CreatedAppPasswordView.from(created, username, path)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke an app password: clients using it are refused from their next request on")
  public Response revoke(@PathParam("id") String id) {
    appPasswords.revoke(jwt.getSubject(), id, addresses.of(request));
    return Response.noContent().build();
  }
}
