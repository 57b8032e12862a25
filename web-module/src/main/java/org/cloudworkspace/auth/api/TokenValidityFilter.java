package org.cloudworkspace.auth.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.cloudworkspace.auth.AccessTokenIssuer;
import org.cloudworkspace.auth.TokenValidity;
import org.cloudworkspace.common.error.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After MicroProfile JWT verified a token's signature, issuer, audience and expiry, this filter refuses tokens of
 * users who signed out, changed their password or were disabled since the token was issued.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenValidityFilter implements ContainerRequestFilter {

  @Inject TokenValidity validity;

  @Override
  public void filter(ContainerRequestContext context) {
    if (!(context.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    Object issued = jwt.getClaim(AccessTokenIssuer.ISSUED_AT_MILLIS);
    long issuedAtMillis = issued instanceof Number n ? n.longValue() : parse(issued);
    if (jwt.getSubject() == null || issuedAtMillis <= 0 || !validity.accepts(jwt.getSubject(), issuedAtMillis)) {
      context.abortWith(
          Problems.response(
              401,
              "This access token is no longer valid: the session ended. Sign in again.",
              Problems.instanceOf(context.getUriInfo())));
    }
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
