package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.TooManyAttemptsException;

/** Signs users in and out, rotates refresh tokens and changes passwords, auditing each step. */
@Stateless
public class AuthService {

  @Inject UserDirectory users;

  @Inject PasswordHasher hasher;

  @Inject PasswordPolicy policy;

  @Inject LoginThrottles throttles;

  @Inject SessionStore sessions;

  @Inject AccessTokenIssuer tokens;

  @Inject TokenValidity validity;

  @Inject AuditLog audit;

  @Inject AuthSettings settings;

  @Inject TwoFactorService twoFactor;

  /**
   * Checks a username and password. Unknown users and wrong passwords get the same answer after the same work; too
   * many failures for the account or the address are refused before any password is checked. An account with
   * two-factor sign-in gets a {@link LoginResult.SecondFactorRequired} instead of tokens.
   */
  public LoginResult signIn(String username, String password, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String accountKey = LoginThrottles.accountKey(username);
    String addressKey = LoginThrottles.addressKey(client.address());
    String attempted = Username.normalize(username);

    long locked = throttles.secondsLocked(accountKey, addressKey, now);
    if (locked > 0) {
      audit.record(
          AuditType.SIGN_IN_THROTTLED, AuditOutcome.FAILURE, null, clip(attempted), attempted, client,
          "retry after " + locked + " s");
      throw new TooManyAttemptsException(locked);
    }

    UserAccount user = users.findByUsername(attempted).orElse(null);
    boolean passwordMatches;
    if (user == null) {
      hasher.verifyAgainstDummy(password == null ? "" : password);
      passwordMatches = false;
    } else {
      passwordMatches = password != null && hasher.verify(password, user.passwordHash());
    }

    if (!passwordMatches) {
      boolean nowLocked = throttles.recordFailure(accountKey, addressKey, now);
      audit.record(
          AuditType.SIGN_IN, AuditOutcome.FAILURE, user == null ? null : user.id(), clip(attempted), attempted,
          client, user == null ? "unknown user" : "wrong password");
      if (nowLocked) {
        audit.record(
            AuditType.SIGN_IN_THROTTLED, AuditOutcome.FAILURE, user == null ? null : user.id(), clip(attempted),
            attempted, client, "threshold reached");
      }
      throw AuthenticationFailedException.wrongCredentials();
    }
    if (!user.enabled()) {
      audit.record(
          AuditType.SIGN_IN, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
          "account disabled");
      throw new AuthenticationFailedException("This account is disabled. Ask an administrator to enable it.");
    }

    if (hasher.needsRehash(user.passwordHash())) {
      user.upgradePasswordHash(hasher.hash(password));
    }
    if (twoFactor.enabled(user.id())) {
      String token = twoFactor.startChallenge(user, now);
      audit.record(
          AuditType.SIGN_IN_SECOND_FACTOR, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
          "password accepted, code requested");
      return new LoginResult.SecondFactorRequired(token, TwoFactorService.CHALLENGE_TTL.toSeconds());
    }
    throttles.reset(accountKey);
    user.recordSignIn(now);
    SessionStore.Started started = sessions.start(user, now, client.address(), client.userAgent());
    audit.record(AuditType.SIGN_IN, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client, null);
    return signInResult(user, started.refreshToken(), started.sessionId(), now);
  }

  /**
   * Completes a sign-in that asked for a second factor: the challenge token from the first step and a TOTP or
   * recovery code. Wrong codes count against the account and the address like wrong passwords; a code works once; the
   * challenge is used up by the successful attempt.
   */
  public SignIn completeSecondFactor(String mfaToken, String code, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UserAccount user =
        twoFactor.challengeUser(mfaToken, now).flatMap(users::findById).orElseThrow(
            () -> new AuthenticationFailedException("This sign-in has expired. Enter your password again."));
    String accountKey = LoginThrottles.accountKey(user.username());
    String addressKey = LoginThrottles.addressKey(client.address());
    long locked = throttles.secondsLocked(accountKey, addressKey, now);
    if (locked > 0) {
      audit.record(
          AuditType.SIGN_IN_THROTTLED, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
          "second factor, retry after " + locked + " s");
      throw new TooManyAttemptsException(locked);
    }
    java.util.Optional<String> method = twoFactor.verify(user, code, now);
    if (method.isEmpty()) {
      boolean nowLocked = throttles.recordFailure(accountKey, addressKey, now);
      audit.record(
          AuditType.SIGN_IN, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
          "wrong or reused second-factor code");
      if (nowLocked) {
        audit.record(
            AuditType.SIGN_IN_THROTTLED, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
            "threshold reached");
      }
      throw new AuthenticationFailedException("The code is wrong or was used already.");
    }
    if (!user.enabled() || !twoFactor.claimChallenge(mfaToken, now)) {
      throw new AuthenticationFailedException("This sign-in has expired. Enter your password again.");
    }
    throttles.reset(accountKey);
    user.recordSignIn(now);
    SessionStore.Started started = sessions.start(user, now, client.address(), client.userAgent());
    audit.record(
        AuditType.SIGN_IN, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
        "with " + method.get());
    return signInResult(user, started.refreshToken(), started.sessionId(), now);
  }

  /**
   * Exchanges a refresh token for a new access token and a new refresh token. A token that was used before ends its
   * whole session (the family), and the reuse is audited.
   */
  public SignIn refresh(String presentedToken, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    SessionStore.Claim claim = sessions.claim(presentedToken, now);
    if (claim instanceof SessionStore.Claim.Reused reused) {
      sessions.endCommitted(reused.sessionId(), AuthSession.EndReason.REFRESH_REUSE, now);
      AuthSession session = sessions.find(reused.sessionId()).orElse(null);
      UserAccount owner = session == null ? null : users.findById(session.userId()).orElse(null);
      audit.record(
          AuditType.REFRESH_REUSE, AuditOutcome.FAILURE, owner == null ? null : owner.id(),
          owner == null ? null : owner.username(), "session " + reused.sessionId(), client,
          "a used refresh token was presented again; the session was ended");
      throw AuthenticationFailedException.sessionEnded();
    }
    if (!(claim instanceof SessionStore.Claim.Claimed claimed) || claimed.session() == null) {
      throw AuthenticationFailedException.sessionEnded();
    }
    AuthSession session = claimed.session();
    if (!session.activeAt(now, settings.sessionIdle())) {
      throw AuthenticationFailedException.sessionEnded();
    }
    UserAccount user = users.findById(session.userId()).orElse(null);
    if (user == null || !user.enabled()) {
      throw AuthenticationFailedException.sessionEnded();
    }
    String refresh = sessions.rotate(session, now, client.address(), client.userAgent());
    return signInResult(user, refresh, session.id(), now);
  }

  /**
   * Ends the session of the presented refresh token and/or the session named by the access token, and stops the
   * user's outstanding access tokens.
   */
  public void signOut(String presentedToken, String userId, String sessionId, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String ownerId = userId;
    AuthSession fromCookie = sessions.sessionOf(presentedToken).orElse(null);
    if (fromCookie != null && (ownerId == null || ownerId.equals(fromCookie.userId()))) {
      sessions.end(fromCookie.id(), AuthSession.EndReason.SIGN_OUT, now);
      ownerId = fromCookie.userId();
    }
    if (sessionId != null && userId != null) {
      sessions.find(sessionId)
          .filter(s -> s.userId().equals(userId))
          .ifPresent(s -> sessions.end(s.id(), AuthSession.EndReason.SIGN_OUT, now));
    }
    if (ownerId == null) {
      return;
    }
    UserAccount user = users.findById(ownerId).orElse(null);
    if (user != null) {
      user.revokeAccessTokens(now);
      validity.forgetAfterCommit(user.id());
      audit.record(AuditType.SIGN_OUT, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client, null);
    }
  }

  /**
   * Changes a password after checking the current one. Every session and access token of the user ends; the caller
   * gets a fresh session so the device that made the change stays signed in.
   */
  public SignIn changePassword(String userId, String currentPassword, String newPassword, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UserAccount user = users.require(userId);
    String accountKey = LoginThrottles.accountKey(user.username());
    String addressKey = LoginThrottles.addressKey(client.address());
    long locked = throttles.secondsLocked(accountKey, addressKey, now);
    if (locked > 0) {
      throw new TooManyAttemptsException(locked);
    }
    if (currentPassword == null || !hasher.verify(currentPassword, user.passwordHash())) {
      throttles.recordFailure(accountKey, addressKey, now);
      audit.record(
          AuditType.PASSWORD_CHANGE, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
          "wrong current password");
      throw new AuthenticationFailedException("The current password is wrong.");
    }
    policy.check("newPassword", newPassword, user.username());
    if (newPassword.equals(currentPassword)) {
      throw new org.cloudworkspace.common.error.InvalidInputException(
          "newPassword", "The new password must differ from the current one.");
    }
    user.changePasswordHash(hasher.hash(newPassword), now);
    int ended = sessions.endAllOf(user.id(), null, AuthSession.EndReason.PASSWORD_CHANGE, now);
    validity.forgetAfterCommit(user.id());
    SessionStore.Started started = sessions.start(user, now, client.address(), client.userAgent());
    audit.record(
        AuditType.PASSWORD_CHANGE, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
        ended + " sessions ended");
    return signInResult(user, started.refreshToken(), started.sessionId(), now);
  }

  private SignIn signInResult(UserAccount user, String refresh, String sessionId, Instant now) {
    AccessTokenIssuer.AccessToken access = tokens.issue(user, sessionId, now, restrictionOf(user));
    return new SignIn(access.token(), access.expiresInSeconds(), refresh, settings.sessionMaxAge().toSeconds(), user);
  }

  /** What a new token of this user may reach: everything, or only what lifts a pending obligation. */
  private String restrictionOf(UserAccount user) {
    if (user.mustChangePassword()) {
      return AccessTokenIssuer.MUST_CHANGE_PASSWORD;
    }
    if (twoFactor.required(user) && !twoFactor.enabled(user.id())) {
      return AccessTokenIssuer.MUST_ENROL_2FA;
    }
    return null;
  }

  /** Sessions of a user that are still open, newest use first. */
  public java.util.List<AuthSession> openSessions(String userId) {
    return sessions.openSessionsOf(userId, Instant.now());
  }

  /** Ends one of the user's own sessions; its access tokens stop working. */
  public void endOwnSession(String userId, String sessionId, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UserAccount user = users.require(userId);
    AuthSession session =
        sessions.find(sessionId)
            .filter(s -> s.userId().equals(userId) && s.revokedAt() == null)
            .orElseThrow(() -> new org.cloudworkspace.common.error.DomainException(
                org.cloudworkspace.common.error.DomainException.Kind.NOT_FOUND, "Session not found",
                "You have no open session " + sessionId + "."));
    sessions.end(session.id(), AuthSession.EndReason.ENDED_BY_USER, now);
    audit.record(
        AuditType.SESSION_END, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
        "session " + session.id() + " (" + DeviceSummary.of(session.userAgent()) + ", " + session.address() + ")");
  }

  /**
   * Ends every session of the user except {@code currentSessionId} (the caller's own): signs out all other devices.
   * Returns how many ended.
   */
  public int endOtherOwnSessions(String userId, String currentSessionId, ClientInfo client) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UserAccount user = users.require(userId);
    int ended = sessions.endAllOf(user.id(), currentSessionId, AuthSession.EndReason.ENDED_BY_USER, now);
    audit.record(
        AuditType.SESSION_END, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
        "all other sessions: " + ended + " ended");
    return ended;
  }

  private static String clip(String value) {
    return value.length() > 64 ? value.substring(0, 64) : value;
  }
}
