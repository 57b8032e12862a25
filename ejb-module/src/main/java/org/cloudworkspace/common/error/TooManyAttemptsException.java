package org.cloudworkspace.common.error;

import jakarta.ejb.ApplicationException;

/** Too many failed attempts from this account or address; says when to try again. */
@ApplicationException(rollback = true)
public class TooManyAttemptsException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyAttemptsException(long retryAfterSeconds) {
    super(
        Kind.TOO_MANY_REQUESTS,
        "Too many attempts",
        "Too many failed sign-in attempts. Try again in " + retryAfterSeconds + " seconds.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** With a message of its own, for attempts other than sign-ins (e.g. passwords of share links). */
  public TooManyAttemptsException(long retryAfterSeconds, String message) {
    super(Kind.TOO_MANY_REQUESTS, "Too many attempts", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
