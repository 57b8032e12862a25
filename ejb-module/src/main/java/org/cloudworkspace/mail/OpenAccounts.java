package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts recently opened for connecting, kept for a short time so that listing a page or opening a message does not
 * pay for a database transaction and two decryptions each time (profiled as half of a cached page request). An entry
 * lives at most {@link #TTL_MILLIS} and never longer than the pool keeps the account's signed-in connections; changing
 * or removing an account drops it at once ({@link MailAccountService}). The owner is checked on every use: someone
 * else's account always goes to the database, which answers 403/404.
 */
@ApplicationScoped
public class OpenAccounts {

  static final long TTL_MILLIS = 60_000;

  @Inject MailAccounts accounts;

  @Inject MailSettings settings;

  private record Entry(OpenAccount account, long expires) {}

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  /** For tests. */
  static OpenAccounts of(MailAccounts accounts, MailSettings settings) {
    OpenAccounts cache = new OpenAccounts();
    cache.accounts = accounts;
    cache.settings = settings;
    return cache;
  }

  /** The owner's account with its passwords decrypted (404 when there is none, 403 when it is someone else's). */
  public OpenAccount open(String ownerId, long id) {
    long now = System.currentTimeMillis();
    Entry entry = entries.get(id);
    if (entry != null && entry.expires > now && entry.account.ownerId().equals(ownerId)) {
      return entry.account;
    }
    OpenAccount account = accounts.open(ownerId, id);
    entries.put(id, new Entry(account, now + Math.min(TTL_MILLIS, settings.poolIdleMillis())));
    return account;
  }

  /** Drops an account (it changed or was removed). */
  public void forget(long id) {
    entries.remove(id);
  }

  /** Drops expired entries; returns how many. */
  public int evictExpired() {
    long now = System.currentTimeMillis();
    int before = entries.size();
    entries.values().removeIf(e -> e.expires <= now);
    return before - entries.size();
  }
}
