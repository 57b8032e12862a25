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
import java.util.List;
import java.util.Map;
import org.cloudworkspace.auth.AccessTokenIssuer;
import org.cloudworkspace.auth.AuthService;
import org.cloudworkspace.auth.SignIn;
import org.cloudworkspace.auth.TwoFactorService;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's own account: profile, password, sessions and two-factor sign-in. */
@Path("me")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Account")
public class MeResource {

  @Inject JsonWebToken jwt;

  @Inject UserDirectory users;

  @Inject AuthService auth;

  @Inject TwoFactorService twoFactor;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "The signed-in user, with mustChangePassword, twoFactorEnabled and twoFactorRequired")
  public UserView me() {
    TwoFactorService.Status factor = twoFactor.status(jwt.getSubject());
    return UserView.from(users.require(jwt.getSubject()), factor.enabled(), factor.required());
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change one's password",
      description =
          "Ends every session and access token of the user, then signs this client in again: the answer carries a"
              + " new access token and a new refresh cookie. Lifts the must-change-password restriction.")
  public Response changePassword(
      @NotNull(message = "Send a JSON body with currentPassword and newPassword.") @Valid ChangePasswordRequest body) {
    SignIn signIn =
        auth.changePassword(jwt.getSubject(), body.currentPassword(), body.newPassword(), addresses.of(request));
    return Response.ok(TokenResponse.bearer(signIn.accessToken(), signIn.expiresInSeconds()))
        .cookie(RefreshCookie.of(signIn.refreshToken(), signIn.refreshMaxAgeSeconds(), addresses.isSecure(request)))
        .build();
  }

  @GET
  @Path("sessions")
  @Operation(summary = "One's open sign-in sessions, newest use first; current marks this one")
  public List<SessionView> sessions() {
    String current = jwt.getClaim(AccessTokenIssuer.SESSION_ID);
    return auth.openSessions(jwt.getSubject()).stream().map(s -> SessionView.from(s, current)).toList();
  }

  @DELETE
  @Path("sessions/{id}")
  @Operation(summary = "End one of one's sessions: its refresh token and access tokens stop working")
  public Response endSession(@PathParam("id") String id) {
    auth.endOwnSession(jwt.getSubject(), id, addresses.of(request));
    return Response.noContent().build();
  }

  @DELETE
  @Path("sessions")
  @Operation(summary = "End all of one's sessions except this one (sign out other devices); answers how many ended")
  public Map<String, Integer> endOtherSessions() {
    String current = jwt.getClaim(AccessTokenIssuer.SESSION_ID);
    return Map.of("ended", auth.endOtherOwnSessions(jwt.getSubject(), current, addresses.of(request)));
  }

  @GET
  @Path("2fa")
  @Operation(summary = "Whether two-factor sign-in is on, pending or required, and recovery codes left")
  public TwoFactorService.Status twoFactorStatus() {
    return twoFactor.status(jwt.getSubject());
  }

  @POST
  @Path("2fa/enrol")
  @Operation(
      summary = "Start setting up two-factor sign-in",
      description =
          "Answers the secret, its otpauth:// URI and the URI as a QR code (an SVG data URI). Confirm with a first"
              + " code at POST /api/me/2fa/confirm.")
  public TwoFactorService.Enrolment enrol() {
    return twoFactor.enrol(jwt.getSubject());
  }

  @POST
  @Path("2fa/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Confirm the enrolment with a code; answers the ten recovery codes, shown only this once",
      description = "A token restricted to enrolment stays restricted: refresh (POST /api/auth/refresh) for a full one.")
  public Map<String, List<String>> confirm(
      @NotNull(message = "Send a JSON body with code.") @Valid TwoFactorCodeRequest body) {
    return Map.of("recoveryCodes", twoFactor.confirm(jwt.getSubject(), body.code(), addresses.of(request)));
  }

  @POST
  @Path("2fa/disable")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Turn two-factor sign-in off with the password and a code")
  public Response disable(
      @NotNull(message = "Send a JSON body with password and code.") @Valid DisableTwoFactorRequest body) {
    twoFactor.disable(jwt.getSubject(), body.password(), body.code(), addresses.of(request));
    return Response.noContent().build();
  }
}
