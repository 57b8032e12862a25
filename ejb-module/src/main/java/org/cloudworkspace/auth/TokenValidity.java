package org.cloudworkspace.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether an access token that passed signature, issuer, audience and expiry checks is still valid: its user
 * exists, is enabled, the token was issued after the user's "valid after" moment (moved by sign-out, password change
 * and disabling), and its sign-in session (the {@code sid} claim) has not ended. Answers are cached for a few seconds
 * per user and per session; changes made on this instance apply at once.
 */
@ApplicationScoped
public class TokenValidity {

  private record Entry(boolean enabled, Instant validAfter, Instant fetchedAt) {}

  private record SessionEntry(boolean active, Instant fetchedAt) {}

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private final Map<String, SessionEntry> sessionCache = new ConcurrentHashMap<>();

  @Inject UserDirectory users;

  @Inject SessionStore sessions;

  @Inject AuthSettings settings;

  @Resource TransactionSynchronizationRegistry transactions;

  /** Whether a token of this user issued at {@code issuedAtMillis} may still be used. */
  public boolean accepts(String userId, long issuedAtMillis) {
    Instant now = Instant.now();
    Entry entry = cache.get(userId);
    if (entry == null || entry.fetchedAt.plus(settings.tokenCheckCache()).isBefore(now)) {
      entry =
          users
              .findById(userId)
              .map(u -> new Entry(u.enabled(), u.tokensValidAfter(), now))
              .orElse(new Entry(false, Instant.MAX, now));
      if (cache.size() > 100_000) {
        cache.clear();
      }
      cache.put(userId, entry);
    }
    return entry.enabled
        && !Instant.ofEpochMilli(issuedAtMillis).isBefore(entry.validAfter.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Whether the sign-in session of a token is still open (not ended and not expired). */
  public boolean sessionActive(String sessionId) {
    Instant now = Instant.now();
    SessionEntry entry = sessionCache.get(sessionId);
    if (entry == null || entry.fetchedAt.plus(settings.tokenCheckCache()).isBefore(now)) {
      entry =
          new SessionEntry(
              sessions.find(sessionId).map(s -> s.revokedAt() == null && now.isBefore(s.expiresAt())).orElse(false),
              now);
      if (sessionCache.size() > 100_000) {
        sessionCache.clear();
      }
      sessionCache.put(sessionId, entry);
    }
    return entry.active;
  }

  /** Drops the cached state of a session now and again when the current transaction has committed. */
  public void forgetSessionAfterCommit(String sessionId) {
    sessionCache.remove(sessionId);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              sessionCache.remove(sessionId);
            }
          }
        });
  }

  /** Drops the cached answer after the user's sessions or account changed on this instance. */
  public void forget(String userId) {
    cache.remove(userId);
  }

  /**
   * Drops the cached answer now and once more when the current transaction has committed, so that a request racing
   * with the change cannot cache the old state for long.
   */
  public void forgetAfterCommit(String userId) {
    forget(userId);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              forget(userId);
            }
          }
        });
  }
}
