package org.cloudworkspace.files;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * The database side of writes that involve bytes: the checks before an upload or copy reads anything, the short
 * transaction that records bytes already made durable, and the removals that free bytes (trash, versions). Blobs of
 * removed rows are deleted only after the transaction commits.
 */
@Stateless
public class FileWrites {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject StorageAccounts accounts;

  @Inject FileTree tree;

  @Inject FilesSettings settings;

  @Inject BlobStore blobs;

  /** How many bytes an upload may bring, decided before it is read. */
  public record UploadPlan(long freeBytes, long quotaBytes, long diskBytes) {

    /** The most bytes the body may have. */
    public long limit() {
      return Math.min(freeBytes, diskBytes);
    }
  }

  /** A copy about to be made: the snapshot of the nodes to copy (source first, parents before children). */
  public record CopyPlan(String targetFolderId, FileName name, List<FileNode> nodes, long bytes) {

    public FileNode source() {
      return nodes.get(0);
    }
  }

  /**
   * Checks an upload before any byte is read: the folder, the preconditions, the name conflict and the announced
   * length ({@code -1} when unknown) against the quota and the disk.
   */
  public UploadPlan planUpload(FileActor actor, String folderRef, FileName name, ConflictPolicy policy,
      WritePreconditions preconditions, long length) {
    StorageAccount account = accounts.ensure(actor.userId());
    FileNode folder = tree.requireFolder(actor, folderRef, "folderId");
    overwriteTarget(folder, name, policy, preconditions);
    long defaultQuota = settings.defaultQuota();
    long free = account.free(defaultQuota);
    if (length >= 0 && length > free) {
      throw StorageFullException.quota(length, free, account.quota(defaultQuota));
    }
    long disk = usableDisk();
    if (length >= 0 && length > disk) {
      throw StorageFullException.disk(length, disk);
    }
    return new UploadPlan(free, account.quota(defaultQuota), disk);
  }

  /**
   * Records a durable blob as a new file or as the new content of an existing one (the old content becomes a
   * version), after checking everything again under the user's lock. The caller deletes the blob if this fails.
   */
  public UploadResult recordUpload(FileActor actor, String folderRef, FileName name, String mimeType,
      BlobStore.StoredBlob blob, ConflictPolicy policy, WritePreconditions preconditions) {
    Target target = lockedTarget(actor, folderRef, name, policy, preconditions, blob.size());
    return record(actor, target, name, mimeType, blob, policy);
  }

  /**
   * A small upload whose body was already read, in one transaction: the same checks as {@link #planUpload} and
   * {@link #recordUpload} under the user's lock, the bytes made durable (temp file, fsync, rename, folder fsync)
   * before the row is written, and the blob deleted again if the transaction does not commit. One transaction
   * instead of two is what makes many small files per second possible.
   */
  public UploadResult uploadSmall(FileActor actor, String folderRef, FileName name, String mimeType, byte[] bytes,
      ConflictPolicy policy, WritePreconditions preconditions) {
    Target target = lockedTarget(actor, folderRef, name, policy, preconditions, bytes.length);
    long disk = usableDisk();
    if (bytes.length > disk) {
      throw StorageFullException.disk(bytes.length, disk);
    }
    BlobStore.StoredBlob blob;
    try {
      blob = blobs.write(new ByteArrayInputStream(bytes), bytes.length, bytes.length);
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("No space left")) {
        throw StorageFullException.disk(bytes.length, 0);
      }
      throw new UncheckedIOException("Storing an upload failed", e);
    }
    tree.deleteBlobsUnlessCommitted(List.of(blob.id()));
    return record(actor, target, name, mimeType, blob, policy);
  }

  /** Where an upload goes, checked under the user's lock: the folder and the file it replaces, if any. */
  private record Target(FileNode folder, Optional<FileNode> overwrite) {}

  /**
   * Charges {@code size} bytes to the user's account if they fit the quota, which also locks the account until the
   * transaction ends (one conditional UPDATE where the usual path takes a locking read and an UPDATE at the flush),
   * then checks the folder and the preconditions. A failed check rolls the charge back with the transaction.
   */
  private Target lockedTarget(FileActor actor, String folderRef, FileName name, ConflictPolicy policy,
      WritePreconditions preconditions, long size) {
    long defaultQuota = settings.defaultQuota();
    if (!accounts.chargeIfFits(actor.userId(), size, defaultQuota)) {
      // No account yet, or the bytes do not fit: the locking read tells which (and creates a missing account).
      StorageAccount account = accounts.lock(actor.userId());
      if (!account.fits(size, defaultQuota)) {
        throw StorageFullException.quota(size, account.free(defaultQuota), account.quota(defaultQuota));
      }
      account.charge(size);
    }
    FileNode folder = tree.requireFolder(actor, folderRef, "folderId");
    Optional<FileNode> overwrite = overwriteTarget(folder, name, policy, preconditions);
    return new Target(folder, overwrite);
  }

  /** Records the blob of an upload whose bytes were already charged by {@link #lockedTarget}. */
  private UploadResult record(FileActor actor, Target target, FileName name, String mimeType,
      BlobStore.StoredBlob blob, ConflictPolicy policy) {
    FileNode folder = target.folder();
    Optional<FileNode> overwrite = target.overwrite();
    Instant now = now();
    folder.touch(now);
    if (overwrite.isPresent()) {
      FileNode file = overwrite.get();
      em.persist(file.replaceContent(blob, mimeType, now));
      applyRetention(accounts.ensure(actor.userId()), file, now);
      em.flush();
      return new UploadResult(tree.details(actor.userId(), file), false);
    }
    // Without RENAME the name was just found free under the lock; only RENAME may need a counter.
    FileName freeName = policy == ConflictPolicy.RENAME ? tree.freeName(folder.id(), name, true) : name;
    FileNode file = FileNode.file(actor.userId(), folder.id(), freeName, blob, mimeType, now);
    em.persist(file);
    em.flush();
    // A file created just now is nobody's favourite and shared with no one: no need to ask the database.
    return new UploadResult(tree.detailsOfNew(file), true);
  }

  /**
   * The file an upload overwrites, if any, after checking the preconditions and the conflict policy. Empty means a
   * new file is created (under a free name when the policy is {@link ConflictPolicy#RENAME}).
   */
  private Optional<FileNode> overwriteTarget(FileNode folder, FileName name, ConflictPolicy policy,
      WritePreconditions preconditions) {
    Optional<FileNode> existing = tree.child(folder.id(), name.value());
    String where = FileTree.label(folder);
    if (preconditions.ifNoneMatchAny() && existing.isPresent()) {
      throw new ContentChangedException(
          "There is already a file or folder named '" + name + "' in " + where + " (If-None-Match: *).");
    }
    if (preconditions.ifMatch() != null) {
      if (existing.isEmpty()) {
        throw new ContentChangedException(
            "There is no file named '" + name + "' in " + where + " any more, so If-Match cannot match.");
      }
      FileNode node = existing.get();
      if (node.isFolder()) {
        throw new NameTakenException(name.value(), where);
      }
      boolean matches = preconditions.ifMatch().stream().anyMatch(tag -> "*".equals(tag.trim()) || node.etagMatches(tag));
      if (!matches) {
        throw new ContentChangedException(
            "'" + name + "' changed since you loaded it: its ETag is now " + node.etag()
                + ". Load it again before saving, or save without If-Match to overwrite it.");
      }
      return existing;
    }
    if (existing.isEmpty() || policy == ConflictPolicy.RENAME) {
      return Optional.empty();
    }
    if (policy == ConflictPolicy.FAIL || existing.get().isFolder()) {
      throw new NameTakenException(name.value(), where);
    }
    return existing;
  }

  /** Checks a copy before any byte is copied, and takes a snapshot of what to copy. */
  public CopyPlan planCopy(FileActor actor, String sourceId, String targetRef, String rawName, ConflictPolicy policy) {
    StorageAccount account = accounts.ensure(actor.userId());
    FileNode source = tree.requireNode(actor, sourceId, "id");
    if (source.isRoot()) {
      throw new InvalidInputException("id", "Your root folder cannot be copied; copy the files and folders in it.");
    }
    FileNode target = tree.requireFolder(actor, targetRef, "parentId");
    if (source.isFolder() && tree.isSelfOrInside(target, source)) {
      throw new InvalidInputException("parentId", "A folder cannot be copied into itself or one of its subfolders.");
    }
    FileName name = rawName == null ? new FileName(source.name()) : FileName.of(rawName);
    if (policy == ConflictPolicy.FAIL && tree.child(target.id(), name.value()).isPresent()) {
      throw new NameTakenException(name.value(), FileTree.label(target));
    }
    List<FileNode> nodes = new ArrayList<>();
    nodes.add(source);
    nodes.addAll(tree.descendants(source));
    long bytes = nodes.stream().filter(FileNode::isFile).mapToLong(FileNode::size).sum();
    long defaultQuota = settings.defaultQuota();
    if (!account.fits(bytes, defaultQuota)) {
      throw StorageFullException.quota(bytes, account.free(defaultQuota), account.quota(defaultQuota));
    }
    return new CopyPlan(target.id(), name, List.copyOf(nodes), bytes);
  }

  /**
   * Records a copy whose blobs are already durable ({@code newBlobs}: node id → blob id of its copy). The caller
   * deletes those blobs if this fails.
   */
  public NodeDetails recordCopy(FileActor actor, CopyPlan plan, Map<String, String> newBlobs, ConflictPolicy policy) {
    StorageAccount account = accounts.lock(actor.userId());
    FileNode target = tree.requireFolder(actor, plan.targetFolderId(), "parentId");
    FileNode source = plan.source();
    FileName name = plan.name();
    if (tree.child(target.id(), name.value()).isPresent()) {
      if (policy == ConflictPolicy.FAIL) {
        throw new NameTakenException(name.value(), FileTree.label(target));
      }
      name = tree.freeName(target.id(), name, source.isFile());
    }
    long defaultQuota = settings.defaultQuota();
    if (!account.fits(plan.bytes(), defaultQuota)) {
      throw StorageFullException.quota(plan.bytes(), account.free(defaultQuota), account.quota(defaultQuota));
    }
    Instant now = now();
    account.charge(plan.bytes());
    Map<String, String> copies = new HashMap<>();
    Set<String> flushedParents = new HashSet<>();
    FileNode top = null;
    for (FileNode node : plan.nodes()) {
      boolean isTop = top == null;
      String parent = isTop ? target.id() : copies.get(node.parentId());
      if (!isTop && !flushedParents.contains(parent)) {
        // Parents reach the database before their children (the parent column is a foreign key).
        em.flush();
        flushedParents.addAll(copies.values());
      }
      FileNode copy = node.copyTo(parent, isTop ? name.value() : node.name(), newBlobs.get(node.id()), now);
      em.persist(copy);
      copies.put(node.id(), copy.id());
      if (isTop) {
        top = copy;
      }
    }
    target.touch(now);
    em.flush();
    return tree.details(actor.userId(), top);
  }

  /** Deletes a trash item and everything that went to the trash with it, with their versions, for good. */
  public void purgeTrashItem(StorageAccount account, FileNode item) {
    List<String> blobIds = new ArrayList<>();
    long bytes = 0;
    List<Object[]> files =
        em.createQuery(
                "SELECT n.blobId, n.size FROM FileNode n WHERE n.trashId = :item AND n.type = :file", Object[].class)
            .setParameter("item", item.id())
            .setParameter("file", NodeType.FILE)
            .getResultList();
    List<Object[]> versions =
        em.createQuery(
                "SELECT v.blobId, v.size FROM FileVersion v WHERE v.fileId IN"
                    + " (SELECT n.id FROM FileNode n WHERE n.trashId = :item)",
                Object[].class)
            .setParameter("item", item.id())
            .getResultList();
    for (List<Object[]> rows : List.of(files, versions)) {
      for (Object[] row : rows) {
        if (row[0] != null) {
          blobIds.add((String) row[0]);
        }
        bytes += ((Number) row[1]).longValue();
      }
    }
    // The database deletes the subtree, its versions and favourites with it (ON DELETE CASCADE).
    em.createQuery("DELETE FROM FileNode n WHERE n.id = :item").setParameter("item", item.id()).executeUpdate();
    account.release(bytes);
    tree.deleteBlobsAfterCommit(blobIds);
  }

  /** Deletes versions and frees their bytes; the account must be locked. */
  public void removeVersions(StorageAccount account, Collection<FileVersion> versions) {
    List<String> blobIds = new ArrayList<>();
    long bytes = 0;
    for (FileVersion version : versions) {
      em.remove(version);
      blobIds.add(version.blobId());
      bytes += version.size();
    }
    account.release(bytes);
    tree.deleteBlobsAfterCommit(blobIds);
  }

  /** A file's versions, newest first. */
  public List<FileVersion> versionsOf(String fileId) {
    return em.createQuery(
            "SELECT v FROM FileVersion v WHERE v.fileId = :file ORDER BY v.archivedAt DESC, v.id DESC",
            FileVersion.class)
        .setParameter("file", fileId)
        .getResultList();
  }

  /** Lets go of versions beyond the configured count and age. */
  public void applyRetention(StorageAccount account, FileNode file, Instant now) {
    List<FileVersion> remove =
        VersionRetention.toRemove(
            versionsOf(file.id()), FileVersion::archivedAt, now, settings.versionsMaxCount(), settings.versionsMaxAge());
    if (!remove.isEmpty()) {
      removeVersions(account, remove);
    }
  }

  /** Housekeeping: deletes a trash item past the retention time, if it is still in the trash. */
  public void purgeExpiredTrashItem(String ownerId, String itemId) {
    StorageAccount account = accounts.lock(ownerId);
    FileNode item = em.find(FileNode.class, itemId);
    if (item != null && item.isTrashItem() && item.ownerId().equals(ownerId)) {
      purgeTrashItem(account, item);
    }
  }

  /** Housekeeping: deletes the given versions of one user, those that still exist. */
  public void expireVersions(String ownerId, Collection<String> versionIds) {
    StorageAccount account = accounts.lock(ownerId);
    List<FileVersion> found = new ArrayList<>();
    for (String id : versionIds) {
      FileVersion version = em.find(FileVersion.class, id);
      if (version != null && version.ownerId().equals(ownerId)) {
        found.add(version);
      }
    }
    removeVersions(account, found);
  }

  /** Housekeeping: which of these blob ids no file or version refers to. */
  public Set<String> unreferenced(Collection<String> blobIds) {
    Set<String> unreferenced = new HashSet<>(blobIds);
    for (List<String> chunk : FileTree.chunks(blobIds)) {
      unreferenced.removeAll(
          em.createQuery("SELECT n.blobId FROM FileNode n WHERE n.blobId IN :ids", String.class)
              .setParameter("ids", chunk)
              .getResultList());
      unreferenced.removeAll(
          em.createQuery("SELECT v.blobId FROM FileVersion v WHERE v.blobId IN :ids", String.class)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return unreferenced;
  }

  private long usableDisk() {
    try {
      return blobs.usableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
