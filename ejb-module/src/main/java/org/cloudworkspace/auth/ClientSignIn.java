package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.TooManyAttemptsException;

/**
 * Checks the Basic credentials of clients such as WebDAV mounts, which send them with every request (through
 * {@link BasicSignIn}, which remembers app-password sign-ins for a few seconds). An app password is a fast hash lookup. The account password works only
 * for accounts without two-factor sign-in and without pending obligations; it costs one slow Argon2 check, after which
 * it is remembered for a few minutes unless the user's "valid after" moment moves. Failures count against the same
 * per-account and per-address throttle as web sign-ins, and unknown users get the same answer as wrong passwords.
 */
@Stateless
public class ClientSignIn {

  @Inject UserDirectory users;

  @Inject PasswordHasher hasher;

  @Inject LoginThrottles throttles;

  @Inject AppPasswords appPasswords;

  @Inject VerifiedPasswords verified;

  @Inject TwoFactorService twoFactor;

  @Inject AuditLog audit;

  /** The user these credentials belong to; {@code purpose} names the client kind in the audit log ("WebDAV"). */
  public ClientIdentity authenticate(String username, String password, ClientInfo client, String purpose) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String attempted = Username.normalize(username == null ? "" : username);
    String accountKey = LoginThrottles.accountKey(attempted);
    String addressKey = LoginThrottles.addressKey(client.address());
    long locked = throttles.secondsLocked(accountKey, addressKey, now);
    if (locked > 0) {
      audit.record(
          AuditType.SIGN_IN_THROTTLED, AuditOutcome.FAILURE, null, clip(attempted), attempted, client,
          purpose + ", retry after " + locked + " s");
      throw new TooManyAttemptsException(locked);
    }
    String secret = password == null ? "" : password;
    UserAccount user = users.findByUsername(attempted).orElse(null);
    if (user != null) {
      Optional<AppPassword> app = appPasswords.match(user.id(), secret);
      if (app.isPresent()) {
        if (!user.enabled()) {
          throw disabled(user, client, purpose);
        }
        app.get().recordUse(now, client.address());
        return new ClientIdentity(user.id(), user.username(), true);
      }
      Optional<Instant> remembered = verified.verifiedAt(user.id(), secret, now);
      if (remembered.isPresent()
          && !remembered.get().isBefore(user.tokensValidAfter().truncatedTo(ChronoUnit.MILLIS))
          && user.enabled() && accountPasswordAllowed(user)) {
        return new ClientIdentity(user.id(), user.username(), false);
      }
    }
    boolean matches;
    if (user == null) {
      hasher.verifyAgainstDummy(secret);
      matches = false;
    } else {
      matches = hasher.verify(secret, user.passwordHash());
    }
    if (!matches) {
      boolean nowLocked = throttles.recordFailure(accountKey, addressKey, now);
      audit.record(
          AuditType.SIGN_IN, AuditOutcome.FAILURE, user == null ? null : user.id(), clip(attempted), attempted,
          client, purpose + ": " + (user == null ? "unknown user" : "wrong password"));
      if (nowLocked) {
        audit.record(
            AuditType.SIGN_IN_THROTTLED, AuditOutcome.FAILURE, user == null ? null : user.id(), clip(attempted),
            attempted, client, purpose + ", threshold reached");
      }
      throw AuthenticationFailedException.wrongCredentials();
    }
    if (!user.enabled()) {
      throw disabled(user, client, purpose);
    }
    if (!accountPasswordAllowed(user)) {
      audit.record(
          AuditType.SIGN_IN, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
          purpose + ": account password refused (two-factor sign-in or pending password change)");
      throw new AuthenticationFailedException(
          "This account must use an app password here: two-factor sign-in is on (or required), or the password must"
              + " be changed first. Create an app password on your profile page.");
    }
    throttles.reset(accountKey);
    verified.remember(user.id(), secret, now);
    audit.record(
        AuditType.SIGN_IN, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
        purpose + " with the account password");
    return new ClientIdentity(user.id(), user.username(), false);
  }

  private boolean accountPasswordAllowed(UserAccount user) {
    return !user.mustChangePassword() && !twoFactor.enabled(user.id()) && !twoFactor.required(user);
  }

  private AuthenticationFailedException disabled(UserAccount user, ClientInfo client, String purpose) {
    audit.record(
        AuditType.SIGN_IN, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
        purpose + ": account disabled");
    return new AuthenticationFailedException("This account is disabled. Ask an administrator to enable it.");
  }

  private static String clip(String value) {
    return value.length() > 64 ? value.substring(0, 64) : value;
  }
}
