package org.cloudworkspace.files.dav;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cloudworkspace.files.StorageAccounts;

/**
 * WebDAV locks of users' trees, kept in the database. Taking a lock locks the user's storage account row first, so
 * two instances granting conflicting locks at the same moment cannot both win.
 */
@Stateless
public class DavLocks {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject StorageAccounts accounts;

  /** The user's locks that have not expired. */
  public List<DavLock> active(String userId) {
    return em.createQuery("SELECT l FROM DavLock l WHERE l.ownerId = :owner AND l.expiresAt > :now", DavLock.class)
        .setParameter("owner", userId)
        .setParameter("now", now())
        .getResultList();
  }

  /** The first active lock that a new lock on {@code path} would conflict with, if any. */
  public Optional<DavLock> conflict(String userId, String path, boolean exclusive, boolean infinity) {
    return active(userId).stream()
        .filter(l -> l.overlaps(path, infinity) && (exclusive || l.exclusive()))
        .findFirst();
  }

  /** Grants a lock unless it conflicts with another one ({@link LockedException}); sweeps the user's expired locks. */
  public DavLock lock(String userId, String path, boolean exclusive, boolean infinity, String ownerXml,
      long timeoutSeconds) {
    accounts.lock(userId);
    Instant now = now();
    em.createQuery("DELETE FROM DavLock l WHERE l.ownerId = :owner AND l.expiresAt <= :now")
        .setParameter("owner", userId)
        .setParameter("now", now)
        .executeUpdate();
    Optional<DavLock> conflict = conflict(userId, path, exclusive, infinity);
    if (conflict.isPresent()) {
      throw new LockedException(
          conflict.get().rootPath(), "'" + path + "' is already locked" + (conflict.get().exclusive() ? " exclusively" : "")
              + " (lock on '" + conflict.get().rootPath() + "').");
    }
    DavLock lock = new DavLock(userId, path, exclusive, infinity, ownerXml, timeoutSeconds, now);
    em.persist(lock);
    return lock;
  }

  /** Extends an active lock of the user; empty when there is no such lock. */
  public Optional<DavLock> refresh(String userId, String token, long timeoutSeconds) {
    Optional<DavLock> lock = find(userId, token);
    lock.ifPresent(l -> l.refresh(timeoutSeconds, now()));
    return lock;
  }

  /** Removes the user's lock with this token if it applies to {@code path}; returns whether it did. */
  public boolean unlock(String userId, String token, String path) {
    Optional<DavLock> lock = find(userId, token).filter(l -> l.covers(path));
    lock.ifPresent(em::remove);
    return lock.isPresent();
  }

  /** Removes the locks on a path and below it, once what was there is gone (deleted or moved away). */
  public void releaseAt(String userId, String path) {
    for (DavLock lock : active(userId)) {
      if (lock.rootPath().equals(path) || DavPaths.isInside(lock.rootPath(), path)) {
        em.remove(lock);
      }
    }
  }

  private Optional<DavLock> find(String userId, String token) {
    if (token == null || token.length() > 64) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(DavLock.class, token))
        .filter(l -> l.ownerId().equals(userId) && l.expiresAt().isAfter(now()));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
