package org.cloudworkspace.files;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Users' storage accounts: created with the root folder on first use; locked at the start of every change to a
 * user's tree, which serialises that user's changes and keeps the usage exact.
 */
@Stateless
public class StorageAccounts {

  private static final Logger LOG = Logger.getLogger(StorageAccounts.class.getName());

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Resource SessionContext context;

  @Inject FilesSettings settings;

  /** The user's account, created (with the root folder) if this is the user's first use of files. */
  public StorageAccount ensure(String userId) {
    StorageAccount account = em.find(StorageAccount.class, userId);
    if (account != null) {
      return account;
    }
    createOnce(userId);
    return em.find(StorageAccount.class, userId);
  }

  /**
   * The user's account, locked until the current transaction ends. Call it before reading anything else of the
   * user's tree in the transaction, so that what is read afterwards is what the previous writer committed.
   */
  public StorageAccount lock(String userId) {
    StorageAccount account = em.find(StorageAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (account != null) {
      return account;
    }
    createOnce(userId);
    return em.find(StorageAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Adds {@code bytes} to the user's usage if they fit the quota ({@code defaultQuota} when the user has none of their
   * own), in one conditional UPDATE, which locks the account until the current transaction ends just as {@link #lock}
   * does. False, and nothing changed, when the account does not exist yet or the bytes do not fit. Call it before
   * anything else of the user's tree is read in the transaction, and before the account is loaded.
   */
  public boolean chargeIfFits(String userId, long bytes, long defaultQuota) {
    return em.createQuery(
                "UPDATE StorageAccount a SET a.usedBytes = a.usedBytes + :bytes WHERE a.userId = :user"
                    + " AND a.usedBytes + :bytes <= COALESCE(a.quotaBytes, :defaultQuota)")
            .setParameter("bytes", bytes)
            .setParameter("user", userId)
            .setParameter("defaultQuota", defaultQuota)
            .executeUpdate()
        == 1;
  }

  /** The user's usage and quota. */
  public Usage usage(String userId) {
    return Usage.of(ensure(userId), settings.defaultQuota());
  }

  /** Sets a user's own quota, or returns to the workspace default with null. */
  public QuotaChange changeQuota(String userId, Long quotaBytes) {
    StorageAccount account = lock(userId);
    Long before = account.quotaOverride();
    account.changeQuota(quotaBytes);
    return new QuotaChange(before, quotaBytes, Usage.of(account, settings.defaultQuota()));
  }

  /** Creates the account and root folder in a transaction of their own; for {@link #ensure} and {@link #lock}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void create(String userId) {
    if (em.find(StorageAccount.class, userId) != null) {
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    FileNode root = FileNode.root(userId, now);
    em.persist(root);
    em.flush();
    em.persist(new StorageAccount(userId, root.id(), now));
  }

  private void createOnce(String userId) {
    try {
      context.getBusinessObject(StorageAccounts.class).create(userId);
    } catch (RuntimeException raced) {
      // Two first requests of the same user: the other one created the account.
      LOG.log(Level.FINE, "Storage account of " + userId + " created concurrently", raced);
    }
  }
}
