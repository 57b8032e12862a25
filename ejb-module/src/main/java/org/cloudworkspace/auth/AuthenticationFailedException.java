package org.cloudworkspace.auth;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** Sign-in or token refresh refused; the message is the same whichever check failed, unless it is safe to say more. */
@ApplicationException(rollback = true)
public class AuthenticationFailedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AuthenticationFailedException(String message) {
    super(Kind.UNAUTHENTICATED, "Authentication failed", message);
  }

  static AuthenticationFailedException wrongCredentials() {
    return new AuthenticationFailedException("Wrong username or password.");
  }

  static AuthenticationFailedException sessionEnded() {
    return new AuthenticationFailedException("Your session has ended. Please sign in again.");
  }
}
