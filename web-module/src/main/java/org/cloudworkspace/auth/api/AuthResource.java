package org.cloudworkspace.auth.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.cloudworkspace.auth.AccessTokenIssuer;
import org.cloudworkspace.auth.AuthService;
import org.cloudworkspace.auth.LoginResult;
import org.cloudworkspace.auth.SignIn;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in, refresh and sign-out. The refresh token travels only in its cookie. */
@Path("auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

  @Inject AuthService auth;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context SecurityContext security;

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in with username and password",
      description =
          "Accounts with two-factor sign-in get {\"mfaRequired\":true,\"mfaToken\",\"expiresIn\"} instead of tokens"
              + " and no cookie; complete the sign-in with POST /api/auth/login/mfa.")
  @APIResponse(responseCode = "200", description = "Signed in (refresh cookie set), or a second factor is required")
  @APIResponse(responseCode = "401", description = "Wrong username or password")
  @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
  public Response login(@NotNull(message = "Send a JSON body with username and password.") @Valid LoginRequest body) {
    LoginResult result = auth.signIn(body.username(), body.password(), client());
    if (result instanceof LoginResult.SecondFactorRequired mfa) {
      return Response.ok(new MfaRequiredResponse(true, mfa.mfaToken(), mfa.expiresInSeconds())).build();
    }
    return tokens((SignIn) result);
  }

  @POST
  @Path("login/mfa")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Complete a sign-in with the mfaToken and a TOTP or recovery code")
  @APIResponse(responseCode = "200", description = "Signed in; the refresh token is set as a cookie")
  @APIResponse(responseCode = "401", description = "Wrong or reused code, or the mfaToken expired")
  @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
  public Response loginSecondFactor(
      @NotNull(message = "Send a JSON body with mfaToken and code.") @Valid MfaLoginRequest body) {
    return tokens(auth.completeSecondFactor(body.mfaToken(), body.code(), client()));
  }

  @POST
  @Path("refresh")
  @Operation(summary = "Exchange the refresh cookie for a new access token; the cookie rotates")
  @APIResponse(responseCode = "200", description = "A new access token and a rotated cookie")
  @APIResponse(responseCode = "401", description = "No valid refresh token; sign in again")
  public Response refresh(@CookieParam(RefreshCookie.NAME) String refreshToken) {
    requireSameOrigin();
    try {
      return tokens(auth.refresh(refreshToken, client()));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.UNAUTHENTICATED) {
        throw new SessionEndedException(e.getMessage(), RefreshCookie.cleared(addresses.isSecure(request)));
      }
      throw e;
    }
  }

  @POST
  @Path("logout")
  @Operation(summary = "Sign out: end this session and the user's outstanding access tokens")
  @APIResponse(responseCode = "204", description = "Signed out; the cookie is cleared")
  public Response logout(@CookieParam(RefreshCookie.NAME) String refreshToken) {
    requireSameOrigin();
    String userId = null;
    String sessionId = null;
    if (security.getUserPrincipal() instanceof JsonWebToken jwt) {
      userId = jwt.getSubject();
      sessionId = jwt.getClaim(AccessTokenIssuer.SESSION_ID);
    }
    auth.signOut(refreshToken, userId, sessionId, client());
    return Response.noContent().cookie(RefreshCookie.cleared(addresses.isSecure(request))).build();
  }

  private Response tokens(SignIn signIn) {
    return Response.ok(TokenResponse.bearer(signIn.accessToken(), signIn.expiresInSeconds()))
        .cookie(RefreshCookie.of(signIn.refreshToken(), signIn.refreshMaxAgeSeconds(), addresses.isSecure(request)))
        .build();
  }

  private ClientInfo client() {
    return addresses.of(request);
  }

  /**
   * The cookie endpoints refuse cross-site callers: SameSite=Strict already keeps the cookie home, and a foreign
   * Origin header is refused as a second line.
   */
  private void requireSameOrigin() {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isBlank()) {
      return;
    }
    String host = request.getHeader("Host");
    try {
      URI uri = URI.create(origin);
      String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      if (host != null && (host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(uri.getHost()))) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below
    }
    throw new DomainException(
        DomainException.Kind.FORBIDDEN, "Cross-site request", "Requests from another site are not accepted here.");
  }
}
