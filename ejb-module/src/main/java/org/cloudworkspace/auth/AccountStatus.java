package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/** Enables and disables accounts; disabling ends every session and access token of the account at once. */
@Stateless
public class AccountStatus {

  @Inject SessionStore sessions;

  @Inject TokenValidity validity;

  public void disable(UserAccount user) {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    user.disable(now);
    sessions.endAllOf(user.id(), null, AuthSession.EndReason.ACCOUNT_DISABLED, now);
    validity.forgetAfterCommit(user.id());
  }

  public void enable(UserAccount user) {
    user.enable();
  }
}
