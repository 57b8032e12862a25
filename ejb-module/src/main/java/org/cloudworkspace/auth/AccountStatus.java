package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cloudworkspace.common.error.DomainException;

/**
 * Changes to accounts made on a user's behalf by an admin: enabling and disabling (which ends every session and access
 * token at once), profile and role, temporary passwords, and ending sessions.
 */
@Stateless
public class AccountStatus {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject SessionStore sessions;

  @Inject TokenValidity validity;

  @Inject PasswordPolicy policy;

  @Inject PasswordHasher hasher;

  public void disable(UserAccount user) {
    Instant now = now();
    user.disable(now);
    sessions.endAllOf(user.id(), null, AuthSession.EndReason.ACCOUNT_DISABLED, now);
    validity.forgetAfterCommit(user.id());
  }

  public void enable(UserAccount user) {
    user.enable();
  }

  /** Changes name and email. */
  public void editProfile(UserAccount user, String displayName, String email) {
    user.editProfile(displayName, email);
  }

  /** Changes the role; the user's current access tokens end (they carry the old role), sessions stay. */
  public void changeRole(UserAccount user, Role role) {
    user.changeRole(role, now());
    validity.forgetAfterCommit(user.id());
  }

  /**
   * Sets a temporary password (checked against the policy) that the user must change at the next sign-in, and ends
   * every session. Returns how many sessions ended.
   */
  public int resetPassword(UserAccount user, String temporaryPassword) {
    policy.check("password", temporaryPassword, user.username());
    Instant now = now();
    user.resetPassword(hasher.hash(temporaryPassword), now);
    int ended = sessions.endAllOf(user.id(), null, AuthSession.EndReason.ENDED_BY_ADMIN, now);
    validity.forgetAfterCommit(user.id());
    return ended;
  }

  /** Marks a new account's password as temporary. */
  public void requirePasswordChange(UserAccount user) {
    user.requirePasswordChange();
  }

  /** Ends one session of the user; refuses sessions of others or already ended ones. */
  public AuthSession endSession(UserAccount user, String sessionId) {
    AuthSession session =
        sessions
            .find(sessionId)
            .filter(s -> s.userId().equals(user.id()) && s.revokedAt() == null)
            .orElseThrow(
                () -> new DomainException(
                    DomainException.Kind.NOT_FOUND, "Session not found",
                    "User " + user.username() + " has no open session " + sessionId + "."));
    sessions.end(session.id(), AuthSession.EndReason.ENDED_BY_ADMIN, now());
    return session;
  }

  /** Ends every session and access token of the user. Returns how many sessions ended. */
  public int endAllSessions(UserAccount user) {
    Instant now = now();
    int ended = sessions.endAllOf(user.id(), null, AuthSession.EndReason.ENDED_BY_ADMIN, now);
    user.revokeAccessTokens(now);
    validity.forgetAfterCommit(user.id());
    return ended;
  }

  /**
   * Deletes the account; the database deletes its sessions, tokens, second factor and everything else that belongs to
   * it (ON DELETE CASCADE). Its access tokens stop at once on this instance, within the token-check cache time on
   * others.
   */
  public void delete(UserAccount user) {
    em.remove(user);
    em.flush();
    validity.forgetAfterCommit(user.id());
  }

  /**
   * The enabled admins, locked until the transaction ends, so that two admins demoting or disabling each other at the
   * same moment cannot leave the workspace without one.
   */
  public List<UserAccount> lockEnabledAdmins() {
    return em.createQuery(
            "SELECT u FROM UserAccount u WHERE u.role = :role AND u.enabled = TRUE ORDER BY u.id", UserAccount.class)
        .setParameter("role", Role.ADMIN)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** The enabled admins, without locking. */
  public List<UserAccount> enabledAdmins() {
    return em.createQuery(
            "SELECT u FROM UserAccount u WHERE u.role = :role AND u.enabled = TRUE ORDER BY u.id", UserAccount.class)
        .setParameter("role", Role.ADMIN)
        .getResultList();
  }

  /** The sessions of a user that are still open, newest use first. */
  public List<AuthSession> openSessions(UserAccount user) {
    return sessions.openSessionsOf(user.id(), Instant.now());
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
