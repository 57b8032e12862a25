package org.cloudworkspace.files;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.common.error.DomainException;

/**
 * What becomes of a user's files when the account is deleted: a summary of what would be lost, a transfer of the
 * files (with their versions) into a folder of another user, or their removal. Runs inside the caller's transaction,
 * which deletes the account afterwards; the database then deletes the remaining rows (ON DELETE CASCADE) and the
 * bytes are deleted once that transaction has committed.
 */
@Stateless
public class UserFilesDisposal {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject StorageAccounts accounts;

  @Inject FileTree tree;

  @Inject FilesSettings settings;

  /** What a user holds: live files and folders (without the root), their versions, and the trash. */
  public record Holdings(
      long files, long folders, long fileBytes, long versions, long versionBytes, long trashItems, long trashBytes) {

    /** Bytes that a transfer moves: the live files and their versions. */
    public long transferableBytes() {
      return fileBytes + versionBytes;
    }

    /** Every byte the user stores. */
    public long totalBytes() {
      return fileBytes + versionBytes + trashBytes;
    }
  }

  /** Where a transfer put the files. */
  public record Transfer(String folderId, String folderName, Holdings moved) {}

  /** What the user holds, counted now; all zero for a user who never used files. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Holdings holdings(String userId) {
    Object[] files = sumRow(
        em.createQuery(
                "SELECT COUNT(n), SUM(n.size) FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NULL"
                    + " AND n.type = :file",
                Object[].class)
            .setParameter("owner", userId)
            .setParameter("file", NodeType.FILE)
            .getSingleResult());
    long folders =
        em.createQuery(
                "SELECT COUNT(n) FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NULL"
                    + " AND n.type = :folder AND n.parentId IS NOT NULL",
                Long.class)
            .setParameter("owner", userId)
            .setParameter("folder", NodeType.FOLDER)
            .getSingleResult();
    Object[] versions = sumRow(
        em.createQuery(
                "SELECT COUNT(v), SUM(v.size) FROM FileVersion v WHERE v.fileId IN"
                    + " (SELECT n.id FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NULL)",
                Object[].class)
            .setParameter("owner", userId)
            .getSingleResult());
    long trashItems =
        em.createQuery(
                "SELECT COUNT(n) FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NOT NULL"
                    + " AND n.trashId = n.id",
                Long.class)
            .setParameter("owner", userId)
            .getSingleResult();
    Object[] trashedFiles = sumRow(
        em.createQuery(
                "SELECT COUNT(n), SUM(n.size) FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NOT NULL"
                    + " AND n.type = :file",
                Object[].class)
            .setParameter("owner", userId)
            .setParameter("file", NodeType.FILE)
            .getSingleResult());
    Object[] trashedVersions = sumRow(
        em.createQuery(
                "SELECT COUNT(v), SUM(v.size) FROM FileVersion v WHERE v.fileId IN"
                    + " (SELECT n.id FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NOT NULL)",
                Object[].class)
            .setParameter("owner", userId)
            .getSingleResult());
    return new Holdings(
        (long) files[0], folders, (long) files[1], (long) versions[0], (long) versions[1], trashItems,
        (long) trashedFiles[1] + (long) trashedVersions[1]);
  }

  /**
   * Moves every live file and folder of {@code fromUserId}, with their versions, into a new folder of
   * {@code toUserId}'s root named {@code folderName} (or "folderName (2)" when taken). Refuses with 507 when the
   * recipient's quota has no room for them. The sender's trash stays behind for {@link #removeAll}; the counts
   * returned are those from before the transfer, trash included.
   */
  public Transfer transferAll(String fromUserId, String toUserId, String folderName) {
    if (fromUserId.equals(toUserId)) {
      throw new IllegalArgumentException("transfer to the same user");
    }
    // Both accounts locked in a fixed order, so that two opposite transfers cannot deadlock.
    StorageAccount from;
    StorageAccount to;
    if (fromUserId.compareTo(toUserId) < 0) {
      from = accounts.lock(fromUserId);
      to = accounts.lock(toUserId);
    } else {
      to = accounts.lock(toUserId);
      from = accounts.lock(fromUserId);
    }
    Holdings moved = holdings(fromUserId);
    long needed = moved.transferableBytes();
    if (!to.fits(needed, settings.defaultQuota())) {
      long free = to.free(settings.defaultQuota());
      throw new DomainException(
          DomainException.Kind.INSUFFICIENT_STORAGE, "Not enough storage",
          "The files need " + Bytes.describe(needed) + ", but only " + Bytes.describe(free) + " of the recipient's "
              + Bytes.format(to.quota(settings.defaultQuota()))
              + " quota is free. Raise the recipient's quota or choose another recipient.");
    }
    FileNode recipientRoot = em.find(FileNode.class, to.rootId());
    FileName name = tree.freeName(recipientRoot.id(), FileName.of(folderName), false);
    Instant now = FileWrites.now();
    FileNode folder = FileNode.folder(toUserId, recipientRoot.id(), name, now);
    em.persist(folder);
    recipientRoot.touch(now);
    em.flush();

    em.createQuery(
            "UPDATE FileVersion v SET v.ownerId = :to WHERE v.fileId IN"
                + " (SELECT n.id FROM FileNode n WHERE n.ownerId = :from AND n.trashedAt IS NULL)")
        .setParameter("to", toUserId)
        .setParameter("from", fromUserId)
        .executeUpdate();
    em.createQuery(
            "UPDATE FileNode n SET n.parentId = :folder WHERE n.parentId = :root AND n.trashedAt IS NULL")
        .setParameter("folder", folder.id())
        .setParameter("root", from.rootId())
        .executeUpdate();
    em.createQuery(
            "UPDATE FileNode n SET n.ownerId = :to WHERE n.ownerId = :from AND n.trashedAt IS NULL AND n.id <> :root")
        .setParameter("to", toUserId)
        .setParameter("from", fromUserId)
        .setParameter("root", from.rootId())
        .executeUpdate();
    to.charge(needed);
    return new Transfer(folder.id(), name.value(), moved);
  }

  /**
   * Deletes every file, folder, version and trash item of the user; the bytes go once the transaction has committed.
   * Returns what was deleted.
   */
  public Holdings removeAll(String userId) {
    if (em.find(StorageAccount.class, userId, LockModeType.PESSIMISTIC_WRITE) == null) {
      return new Holdings(0, 0, 0, 0, 0, 0, 0);
    }
    Holdings removed = holdings(userId);
    List<String> blobIds = blobsOf(userId);
    // Versions and favourites go with their nodes, subfolders with their parents (ON DELETE CASCADE).
    em.createQuery("DELETE FROM FileNode n WHERE n.ownerId = :owner").setParameter("owner", userId).executeUpdate();
    em.createQuery("DELETE FROM StorageAccount a WHERE a.userId = :owner")
        .setParameter("owner", userId)
        .executeUpdate();
    tree.deleteBlobsAfterCommit(blobIds);
    return removed;
  }

  /** The usage of each of these users; users who never used files have none yet and get the default quota. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, Usage> usageAmong(Collection<String> userIds) {
    long defaultQuota = settings.defaultQuota();
    Map<String, Usage> usage = new HashMap<>();
    for (List<String> chunk : FileTree.chunks(userIds)) {
      for (StorageAccount account :
          em.createQuery("SELECT a FROM StorageAccount a WHERE a.userId IN :ids", StorageAccount.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        usage.put(account.userId(), Usage.of(account, defaultQuota));
      }
    }
    for (String id : userIds) {
      usage.putIfAbsent(id, new Usage(0, defaultQuota, defaultQuota, true));
    }
    return usage;
  }

  /** The blobs still owned by the user: files anywhere in the tree or trash, and their versions. */
  private List<String> blobsOf(String userId) {
    List<String> blobIds = new ArrayList<>(
        em.createQuery(
                "SELECT n.blobId FROM FileNode n WHERE n.ownerId = :owner AND n.blobId IS NOT NULL", String.class)
            .setParameter("owner", userId)
            .getResultList());
    blobIds.addAll(
        em.createQuery(
                "SELECT v.blobId FROM FileVersion v WHERE v.fileId IN"
                    + " (SELECT n.id FROM FileNode n WHERE n.ownerId = :owner)",
                String.class)
            .setParameter("owner", userId)
            .getResultList());
    return blobIds;
  }

  private static Object[] sumRow(Object[] row) {
    long count = row[0] == null ? 0 : ((Number) row[0]).longValue();
    long sum = row[1] == null ? 0 : ((Number) row[1]).longValue();
    return new Object[] {count, sum};
  }
}
