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
 * exists, is enabled, and the token was issued after the user's "valid after" moment (moved by sign-out, password
 * change and disabling). Answers are cached for a few seconds per user; changes made on this instance apply at once.
 */
@ApplicationScoped
public class TokenValidity {

  private record Entry(boolean enabled, Instant validAfter, Instant fetchedAt) {}

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  @Inject UserDirectory users;

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
