package org.cloudworkspace.mail;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
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

  /**
   * A connection at rest, and the folder it keeps selected (or null): the folder last listed on it stays open, so that
   * listing it again costs a NOOP and a STATUS rather than a SELECT, which servers pay for with a scan of the mailbox.
   */
  private record Idle(IMAPStore store, long since, String fingerprint, IMAPFolder selected) {}

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

  /** Work done with a folder open on a pooled connection. */
  @FunctionalInterface
  public interface FolderWork<T> {
    /**
     * @param fresh whether the folder was opened for this work; otherwise it stayed selected since an earlier use of
     *     the connection, and the server reports what changed since then on the next command (send a NOOP first)
     */
    T run(IMAPStore store, IMAPFolder folder, boolean fresh) throws MessagingException, java.io.IOException;
  }

  /** A pooled connection lent to one piece of work, with the folder it keeps selected. */
  private static final class Lease {
    final IMAPStore store;
    IMAPFolder selected;

    Lease(IMAPStore store, IMAPFolder selected) {
      this.store = store;
      this.selected = selected;
    }

    void unselect() {
      if (selected != null) {
        Mailbox.closeQuietly(selected);
        selected = null;
      }
    }
  }

  @FunctionalInterface
  private interface LeaseWork<T> {
    T run(Lease lease) throws MessagingException, java.io.IOException;
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
    return lease(accountId, server, lease -> {
      // The work opens folders of its own; Angus Mail would need a second connection while one stays selected.
      lease.unselect();
      return work.run(lease.store);
    });
  }

  /**
   * Runs work with {@code folderName} open on a pooled connection, at least in {@code mode} ({@link Folder#READ_ONLY}
   * or {@link Folder#READ_WRITE}); the folder stays selected on the connection afterwards. A folder that does not
   * exist or holds no messages answers {@link FolderNotFoundException}.
   */
  public <T> T withFolder(long accountId, MailServer server, String folderName, int mode, FolderWork<T> work) {
    return lease(accountId, server, lease -> {
      IMAPFolder kept = lease.selected;
      boolean reusable = kept != null && kept.getFullName().equals(folderName) && kept.isOpen()
          && (mode == Folder.READ_ONLY || kept.getMode() == Folder.READ_WRITE);
      if (reusable) {
        return work.run(lease.store, kept, false);
      }
      lease.unselect();
      IMAPFolder folder = (IMAPFolder) lease.store.getFolder(folderName);
      try {
        folder.open(mode);
      } catch (jakarta.mail.FolderNotFoundException e) {
        throw new FolderNotFoundException("There is no folder " + folderName + " in this account.");
      } catch (MessagingException e) {
        if (e.getCause() instanceof CommandFailedException || e.getCause() instanceof BadCommandException) {
          throw new FolderNotFoundException("There is no folder " + folderName + " in this account.");
        }
        throw e;
      }
      lease.selected = folder;
      return work.run(lease.store, folder, true);
    });
  }

  private <T> T lease(long accountId, MailServer server, LeaseWork<T> work) {
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
    Lease lease = null;
    try {
      lease = take(slots, fingerprint);
      if (lease != null) {
        try {
          T result = work.run(lease);
          give(slots, lease, fingerprint);
          lease = null;
          return result;
        } catch (MessagingException | java.io.IOException e) {
          // A pooled connection the server dropped meanwhile: retry once on a fresh one.
          closeQuietly(lease.store);
          lease = null;
        }
      }
      lease = new Lease(connector.openImap(server), null);
      T result = work.run(lease);
      give(slots, lease, fingerprint);
      lease = null;
      return result;
    } catch (org.cloudworkspace.common.error.DomainException e) {
      if (!(e instanceof MailFailure) && lease != null && connected(lease.store, lease.selected)) {
        give(slots, lease, fingerprint);
        lease = null;
      }
      throw e;
    } catch (MessagingException e) {
      throw MailFailure.classify(e, "imap", server.host(), server.port());
    } catch (java.io.IOException e) {
      throw MailFailure.classify(new MessagingException(e.getMessage(), e), "imap", server.host(), server.port());
    } finally {
      if (lease != null) {
        closeQuietly(lease.store);
      }
      slots.permits.release();
    }
  }

  private Lease take(AccountSlots slots, String fingerprint) {
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
      // A liveness check costs a NOOP: worth a round trip only for a connection that rested a while. A fresher one
      // the server dropped fails its first command, and lease() retries that on a new connection. With a folder
      // selected the check goes through the folder's connection (the store's own check would open a second one).
      if (idle.fingerprint.equals(fingerprint) && age < settings.poolIdleMillis()
          && (age < VALIDATE_AFTER_MILLIS || connected(idle.store, idle.selected))) {
        return new Lease(idle.store, idle.selected);
      }
      closeQuietly(idle.store);
    }
  }

  /** Sends a NOOP (unless the connection was used within the last second) and says whether it is still up. */
  private static boolean connected(IMAPStore store, IMAPFolder selected) {
    return selected != null ? selected.isOpen() : store.isConnected();
  }

  private void give(AccountSlots slots, Lease lease, String fingerprint) {
    IMAPFolder selected = lease.selected != null && lease.selected.isOpen() ? lease.selected : null;
    synchronized (slots) {
      slots.idle.addLast(new Idle(lease.store, System.currentTimeMillis(), fingerprint, selected));
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

  /** The folders idle connections keep selected, as "name/mode" (for tests). */
  java.util.List<String> selectedFolders() {
    return accounts.values().stream().flatMap(s -> {
      synchronized (s) {
        return s.idle.stream().filter(i -> i.selected != null)
            .map(i -> i.selected.getFullName() + "/" + i.selected.getMode()).toList().stream();
      }
    }).toList();
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
