package org.cloudworkspace.auth.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.cloudworkspace.auth.AccessTokenIssuer;
import org.cloudworkspace.auth.TokenValidity;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.common.error.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After MicroProfile JWT verified a token's signature, issuer, audience and expiry, this filter refuses tokens of
 * users who signed out, changed their password or were disabled since the token was issued, and tokens whose sign-in
 * session ended. Restricted tokens (temporary password, two-factor enrolment pending) reach only the endpoints that
 * lift the restriction; everything else answers 403.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenValidityFilter implements ContainerRequestFilter {

  /** What a token restricted to a password change may call (method and path below /api). */
  static final Set<String> PASSWORD_CHANGE_ALLOWED = Set.of("GET me", "POST me/password");

  /** What a token restricted to two-factor enrolment may call. */
  static final Set<String> ENROLMENT_ALLOWED =
      Set.of("GET me", "POST me/password", "GET me/2fa", "POST me/2fa/enrol", "POST me/2fa/confirm");

  @Inject TokenValidity validity;

  @Override
  public void filter(ContainerRequestContext context) {
    if (!(context.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    String path = context.getUriInfo().getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    if (path.startsWith("auth/")) {
      // Sign-in, refresh and sign-out authenticate with their own credentials (password, cookie): a stale access
      // token sent along must not stop a client from getting a fresh one.
      return;
    }
    Object issued = jwt.getClaim(AccessTokenIssuer.ISSUED_AT_MILLIS);
    long issuedAtMillis = issued instanceof Number n ? n.longValue() : parse(issued);
    String sessionId = text(jwt.getClaim(AccessTokenIssuer.SESSION_ID));
    if (jwt.getSubject() == null
        || issuedAtMillis <= 0
        || !validity.accepts(jwt.getSubject(), issuedAtMillis)
        || (sessionId != null && !validity.sessionActive(sessionId))) {
      context.abortWith(
          Problems.response(
              401,
              "This access token is no longer valid: the session ended. Sign in again.",
              Problems.instanceOf(context.getUriInfo())));
      return;
    }
    String restriction = text(jwt.getClaim(AccessTokenIssuer.RESTRICTION));
    if (restriction != null) {
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String call = context.getMethod() + " " + path;
      boolean passwordChange = AccessTokenIssuer.MUST_CHANGE_PASSWORD.equals(restriction);
      Set<String> allowed = passwordChange ? PASSWORD_CHANGE_ALLOWED : ENROLMENT_ALLOWED;
      if (!allowed.contains(call)) {
        context.abortWith(
            Problems.response(
                passwordChange
                    ? ProblemDetails.of(
                        "password-change-required", "Password change required", 403,
                        "You must change your password first", Problems.instanceOf(context.getUriInfo()))
                    : ProblemDetails.of(
                        "two-factor-enrolment-required", "Two-factor sign-in required", 403,
                        "You must set up two-factor sign-in first", Problems.instanceOf(context.getUriInfo()))));
      }
    }
  }

  private static String text(Object claim) {
    if (claim == null) {
      return null;
    }
    String value = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
    return value.isEmpty() ? null : value;
  }

  private static long parse(Object value) {
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
