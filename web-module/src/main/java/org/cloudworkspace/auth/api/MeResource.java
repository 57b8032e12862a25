package org.cloudworkspace.auth.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cloudworkspace.auth.AuthService;
import org.cloudworkspace.auth.SignIn;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own account. */
@Path("me")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Account")
public class MeResource {

  @Inject JsonWebToken jwt;

  @Inject UserDirectory users;

  @Inject AuthService auth;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "The signed-in user")
  public UserView me() {
    return UserView.from(users.require(jwt.getSubject()));
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change one's password",
      description =
          "Ends every session and access token of the user, then signs this client in again: the answer carries a"
              + " new access token and a new refresh cookie.")
  public Response changePassword(
      @NotNull(message = "Send a JSON body with currentPassword and newPassword.") @Valid ChangePasswordRequest body) {
    SignIn signIn =
        auth.changePassword(jwt.getSubject(), body.currentPassword(), body.newPassword(), addresses.of(request));
    return Response.ok(TokenResponse.bearer(signIn.accessToken(), signIn.expiresInSeconds()))
        .cookie(RefreshCookie.of(signIn.refreshToken(), signIn.refreshMaxAgeSeconds(), addresses.isSecure(request)))
        .build();
  }
}
