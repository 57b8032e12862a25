package org.cloudworkspace.mail;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Signed-in IMAP connections kept per account, so that opening a folder or a message does not pay for TCP, TLS and
 * LOGIN each time. At most {@link MailSettings#poolMaxPerAccount()} per account are in use at once; idle ones are
 * closed after {@link MailSettings#poolIdleMillis()} (checked on every use and by {@link MailHousekeeping}). A
 * connection that failed is dropped, never reused. Changing an account's settings drops its connections.
 */
@ApplicationScoped
public class ImapPool {

  private static final Logger LOG = Logger.getLogger(ImapPool.class.getName());

  /** A pooled connection used within this time is taken without a NOOP. */
  static final long VALIDATE_AFTER_MILLIS = 5_000;

  @Inject MailConnector connector;

  @Inject MailSettings settings;

  private record Idle(IMAPStore store, long since, String fingerprint) {}

  private static final class AccountSlots {
    final Deque<Idle> idle = new ArrayDeque<>();
    final Semaphore permits;

    AccountSlots(int max) {
      permits = new Semaphore(max, true);
    }
  }

  private final Map<Long, AccountSlots> accounts = new ConcurrentHashMap<>();

  /** Work done with a connected store. */
  @FunctionalInterface
  public interface StoreWork<T> {
    T run(IMAPStore store) throws MessagingException, java.io.IOException;
  }

  /** For tests and the benchmark. */
  static ImapPool of(MailConnector connector, MailSettings settings) {
    ImapPool pool = new ImapPool();
    pool.connector = connector;
    pool.settings = settings;
    return pool;
  }

  /**
   * Runs work on a pooled connection of the account. {@code fingerprint} identifies the server settings, so a pooled
   * connection made with other settings is never used. A failure classifies as {@link MailFailure} and drops the
   * connection.
   */
  public <T> T withStore(long accountId, MailServer server, StoreWork<T> work) {
    AccountSlots slots = accounts.computeIfAbsent(accountId, id -> new AccountSlots(settings.poolMaxPerAccount()));
    try {
      if (!slots.permits.tryAcquire(settings.readTimeoutMillis(), TimeUnit.MILLISECONDS)) {
        throw new MailFailure(MailFailure.Reason.TIMEOUT, "imap",
            "All connections to the IMAP server are busy. Try again in a moment.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailFailure(MailFailure.Reason.TIMEOUT, "imap", "Interrupted while waiting for a mail connection.");
    }
    String fingerprint = fingerprint(server);
    IMAPStore store = null;
    try {
      store = take(slots, fingerprint);
      if (store != null) {
        try {
          T result = work.run(store);
          give(slots, store, fingerprint);
          store = null;
          return result;
        } catch (MessagingException | java.io.IOException e) {
          // A pooled connection the server dropped meanwhile: retry once on a fresh one.
          closeQuietly(store);
          store = null;
        }
      }
      store = connector.openImap(server);
      T result = work.run(store);
      give(slots, store, fingerprint);
      store = null;
      return result;
    } catch (org.cloudworkspace.common.error.DomainException e) {
      if (!(e instanceof MailFailure) && store != null && store.isConnected()) {
        give(slots, store, fingerprint);
        store = null;
      }
      throw e;
    } catch (MessagingException e) {
      throw MailFailure.classify(e, "imap", server.host(), server.port());
    } catch (java.io.IOException e) {
      throw MailFailure.classify(new MessagingException(e.getMessage(), e), "imap", server.host(), server.port());
    } finally {
      if (store != null) {
        closeQuietly(store);
      }
      slots.permits.release();
    }
  }

  private IMAPStore take(AccountSlots slots, String fingerprint) {
    long now = System.currentTimeMillis();
    while (true) {
      Idle idle;
      synchronized (slots) {
        idle = slots.idle.pollLast();
      }
      if (idle == null) {
        return null;
      }
      long age = now - idle.since;
      // IMAPStore.isConnected() sends a NOOP: worth a round trip only for a connection that rested a while. A fresher
      // one the server dropped fails its first command, and withStore retries that on a new connection.
      if (idle.fingerprint.equals(fingerprint) && age < settings.poolIdleMillis()
          && (age < VALIDATE_AFTER_MILLIS || idle.store.isConnected())) {
        return idle.store;
      }
      closeQuietly(idle.store);
    }
  }

  private void give(AccountSlots slots, IMAPStore store, String fingerprint) {
    synchronized (slots) {
      slots.idle.addLast(new Idle(store, System.currentTimeMillis(), fingerprint));
    }
  }

  /** Closes connections idle longer than the idle timeout; returns how many. */
  public int evictIdle() {
    long now = System.currentTimeMillis();
    int closed = 0;
    for (AccountSlots slots : accounts.values()) {
      Deque<Idle> expired = new ArrayDeque<>();
      synchronized (slots) {
        slots.idle.removeIf(i -> {
          boolean old = now - i.since >= settings.poolIdleMillis();
          if (old) {
            expired.add(i);
          }
          return old;
        });
      }
      for (Idle i : expired) {
        closeQuietly(i.store);
        closed++;
      }
    }
    return closed;
  }

  /** Closes the idle connections of one account (its settings changed or it was deleted). */
  public void forget(long accountId) {
    AccountSlots slots = accounts.remove(accountId);
    if (slots != null) {
      synchronized (slots) {
        slots.idle.forEach(i -> closeQuietly(i.store));
        slots.idle.clear();
      }
    }
  }

  /** How many idle connections are pooled (for tests and status). */
  public int idleCount() {
    return accounts.values().stream().mapToInt(s -> {
      synchronized (s) {
        return s.idle.size();
      }
    }).sum();
  }

  @PreDestroy
  void closeAll() {
    accounts.keySet().forEach(this::forget);
  }

  private static String fingerprint(MailServer server) {
    return server.host() + "|" + server.port() + "|" + server.security() + "|" + server.username() + "|"
        + Integer.toHexString(String.valueOf(server.password()).hashCode());
  }

  private static void closeQuietly(IMAPStore store) {
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      LOG.fine(() -> "Closing an IMAP connection failed: " + e);
    }
  }
}
