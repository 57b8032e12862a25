package org.cloudworkspace.files;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * What users do with their files: browse, upload, download, rename, move, copy, trash and restore, versions, search,
 * recent files, favourites, usage. Uploads and copies write their bytes first, outside any database transaction, and
 * then record them in one short transaction; if that fails the new bytes are deleted, so nothing half-done is ever
 * visible. Small uploads (up to 64 KiB) are read first and then written and recorded in a single transaction, the
 * bytes durable before the row.
 */
@Stateless
public class FileService {

  private static final Logger LOG = Logger.getLogger(FileService.class.getName());

  /** Bodies up to this size are read first and stored and recorded in one transaction (see uploadSmall). */
  static final int SMALL_UPLOAD_BYTES = 64 * 1024;

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject FileTree tree;

  @Inject FileWrites writes;

  @Inject StorageAccounts accounts;

  @Inject BlobStore blobs;

  @Inject FilesSettings settings;

  // ---- Browsing

  /** One page of a folder: subfolders first, then files, each ordered as asked. */
  public FolderListing list(FileActor actor, String folderRef, SortKey sort, boolean descending, int offset,
      int limit) {
    FileNode folder = tree.requireFolder(actor, folderRef, "folderId");
    long folderCount = countChildren(folder.id(), NodeType.FOLDER);
    long fileCount = countChildren(folder.id(), NodeType.FILE);
    List<FileNode> page = new ArrayList<>();
    if (offset < folderCount) {
      if (sort == SortKey.SIZE) {
        page.addAll(foldersBySize(folder.id(), descending, offset, limit));
      } else {
        page.addAll(children(folder.id(), NodeType.FOLDER, sort, descending, offset, limit));
      }
    }
    int remaining = limit - page.size();
    if (remaining > 0 && offset + page.size() < folderCount + fileCount) {
      int fileOffset = (int) Math.max(0, offset - folderCount);
      page.addAll(children(folder.id(), NodeType.FILE, sort, descending, fileOffset, remaining));
    }
    List<FileNode> chain = new ArrayList<>(tree.ancestors(folder));
    chain.add(folder);
    List<NodeDetails> breadcrumbs = tree.details(actor.userId(), chain, false);
    return new FolderListing(
        breadcrumbs.get(breadcrumbs.size() - 1),
        breadcrumbs,
        tree.details(actor.userId(), page, false),
        folderCount + fileCount);
  }

  /** A file or folder; {@code root} names the root folder. */
  public NodeDetails get(FileActor actor, String id) {
    FileNode node = NodeIds.ROOT.equals(id)
        ? tree.root(actor.userId())
        : tree.requireNode(actor, id, "id");
    return tree.details(actor.userId(), node);
  }

  public NodeDetails createFolder(FileActor actor, String folderRef, String rawName) {
    FileName name = FileName.of(rawName);
    accounts.lock(actor.userId());
    FileNode parent = tree.requireFolder(actor, folderRef, "folderId");
    if (tree.child(parent.id(), name.value()).isPresent()) {
      throw new NameTakenException(name.value(), FileTree.label(parent));
    }
    Instant now = FileWrites.now();
    FileNode folder = FileNode.folder(actor.userId(), parent.id(), name, now);
    em.persist(folder);
    parent.touch(now);
    em.flush();
    return tree.details(actor.userId(), folder);
  }

  // ---- Upload and download

  /**
   * Streams a body into a file of a folder. The quota is checked against {@code length} (-1 when unknown) before
   * reading and against the bytes while reading; the body must have exactly {@code length} bytes. Overwriting keeps
   * the previous content as a version. Runs without a transaction: the bytes are made durable first, then one short
   * transaction records them.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public UploadResult upload(FileActor actor, String folderRef, String rawName, String contentType, InputStream body,
      long length, ConflictPolicy policy, WritePreconditions preconditions) {
    FileName name = FileName.of(rawName);
    String mimeType = MimeTypes.of(contentType, name);
    if (length >= 0 && length <= SMALL_UPLOAD_BYTES) {
      return writes.uploadSmall(actor, folderRef, name, mimeType, readSmallBody(body, (int) length), policy,
          preconditions);
    }
    FileWrites.UploadPlan plan = writes.planUpload(actor, folderRef, name, policy, preconditions, length);
    BlobStore.StoredBlob blob = store(body, length, plan);
    try {
      return writes.recordUpload(actor, folderRef, name, mimeType, blob, policy, preconditions);
    } catch (RuntimeException e) {
      deleteQuietly(List.of(blob.id()));
      throw e;
    }
  }

  /**
   * The whole body of a small upload, which must have exactly {@code length} bytes. Read before the transaction
   * starts, so that a slow client never holds the user's lock.
   */
  private static byte[] readSmallBody(InputStream body, int length) {
    byte[] bytes = new byte[length];
    int count = 0;
    try {
      while (count < length) {
        int n = body.read(bytes, count, length - count);
        if (n < 0) {
          throw endedEarly(count, length);
        }
        count += n;
      }
      if (body.read() >= 0) {
        throw tooLong(length);
      }
    } catch (IOException e) {
      throw brokeOff(length);
    }
    return bytes;
  }

  private static IncompleteUploadException endedEarly(long received, long expected) {
    return new IncompleteUploadException(
        "The upload ended after " + received + " of the announced " + expected
            + " bytes, so nothing was stored. Try again.");
  }

  private static IncompleteUploadException tooLong(long length) {
    return new IncompleteUploadException(
        "The body is longer than its announced " + length + " bytes, so nothing was stored.");
  }

  private static IncompleteUploadException brokeOff(long length) {
    return new IncompleteUploadException(
        (length >= 0 ? "The upload ended before its " + length + " announced bytes arrived" : "The upload broke off")
            + " (the connection closed or failed), so nothing was stored. Try again.");
  }

  private BlobStore.StoredBlob store(InputStream body, long length, FileWrites.UploadPlan plan) {
    try {
      return blobs.write(body, length, plan.limit());
    } catch (BlobStore.LimitExceededException e) {
      if (plan.diskBytes() < plan.freeBytes()) {
        throw StorageFullException.disk(length, plan.diskBytes());
      }
      throw StorageFullException.quota(length, plan.freeBytes(), plan.quotaBytes());
    } catch (BlobStore.IncompleteBodyException e) {
      throw endedEarly(e.received(), e.expected());
    } catch (BlobStore.BodyTooLongException e) {
      throw tooLong(length);
    } catch (BlobStore.SourceReadException e) {
      throw brokeOff(length);
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("No space left")) {
        throw StorageFullException.disk(length, 0);
      }
      throw new UncheckedIOException("Storing an upload failed", e);
    }
  }

  /**
   * The file at a path like {@code /Documents/report.docx} in the actor's tree (not in the trash); 404 when a part
   * is missing, 400 when the path is malformed or names a folder.
   */
  public NodeDetails fileAtPath(FileActor actor, String path) {
    if (path == null || !path.startsWith("/") || path.length() > 4096) {
      throw new InvalidInputException("path", "Give an absolute path such as /Documents/report.docx.");
    }
    String[] parts = path.substring(1).split("/", -1);
    FileNode node = tree.root(actor.userId());
    for (String part : parts) {
      FileName name = FileName.of(part);
      if (!node.isFolder()) {
        throw new NodeNotFoundException("file", path);
      }
      node = tree.child(node.id(), name.value()).orElseThrow(() -> new NodeNotFoundException("file", path));
    }
    if (!node.isFile()) {
      throw new InvalidInputException("path", "'" + path + "' is a folder; this works on files only.");
    }
    return tree.details(actor.userId(), node);
  }

  /** The current content of a file, to stream. */
  public Download download(FileActor actor, String id) {
    FileNode file = tree.requireFile(actor, id, "id");
    return new Download(file.name(), file.mimeType(), file.size(), file.etag(), file.modifiedAt(),
        source(file.blobId()));
  }

  /** What a thumbnail of the caller's file needs (the thumbnail is made outside any transaction). */
  public Thumbnails.FileSource thumbnailSource(FileActor actor, String id) {
    FileNode file = tree.requireFile(actor, id, "id");
    return new Thumbnails.FileSource(file.name(), file.blobId(), file.mimeType(), file.etag());
  }

  // ---- Rename, move, copy

  /** Renames and/or moves a file or folder; the folders it leaves and enters are touched. */
  public NodeDetails update(FileActor actor, String id, String rawName, String parentRef, ConflictPolicy policy) {
    if (rawName == null && parentRef == null) {
      throw new InvalidInputException("body", "Send a new name, a new parentId, or both.");
    }
    FileName wanted = rawName == null ? null : FileName.of(rawName);
    accounts.lock(actor.userId());
    FileNode node = tree.requireNode(actor, id, "id");
    if (node.isRoot()) {
      throw new InvalidInputException("id", "Your root folder cannot be renamed or moved.");
    }
    FileNode from = em.find(FileNode.class, node.parentId());
    FileNode to = parentRef == null ? from : tree.requireFolder(actor, parentRef, "parentId");
    FileName name = wanted == null ? new FileName(node.name()) : wanted;
    boolean moving = !to.id().equals(from.id());
    if (!moving && name.value().equals(node.name())) {
      return tree.details(actor.userId(), node);
    }
    if (moving && node.isFolder() && tree.isSelfOrInside(to, node)) {
      throw new InvalidInputException("parentId", "A folder cannot be moved into itself or one of its subfolders.");
    }
    Optional<FileNode> clash = tree.child(to.id(), name.value());
    if (clash.isPresent() && !clash.get().id().equals(node.id())) {
      if (policy != ConflictPolicy.RENAME) {
        throw new NameTakenException(name.value(), FileTree.label(to));
      }
      name = tree.freeName(to.id(), name, node.isFile());
    }
    Instant now = FileWrites.now();
    node.moveTo(to.id(), name);
    from.touch(now);
    if (moving) {
      to.touch(now);
    }
    em.flush();
    return tree.details(actor.userId(), node);
  }

  /**
   * Copies a file, or a folder with everything in it, into a folder. The copies' bytes are made durable first
   * (instantly, as hard links, where the file system allows), then recorded in one short transaction.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public NodeDetails copy(FileActor actor, String id, String parentRef, String rawName, ConflictPolicy policy) {
    FileWrites.CopyPlan plan = writes.planCopy(actor, id, parentRef, rawName, policy);
    Map<String, String> newBlobs = new HashMap<>();
    try {
      for (FileNode node : plan.nodes()) {
        if (node.isFile()) {
          newBlobs.put(node.id(), blobs.copy(node.blobId()));
        }
      }
    } catch (IOException e) {
      deleteQuietly(newBlobs.values());
      if (e instanceof java.nio.file.NoSuchFileException) {
        throw new DomainException(
            DomainException.Kind.CONFLICT, "Changed while copying",
            "Files were deleted while they were being copied. Try again.");
      }
      throw new UncheckedIOException("Copying failed", e);
    }
    try {
      return writes.recordCopy(actor, plan, newBlobs, policy);
    } catch (RuntimeException e) {
      deleteQuietly(newBlobs.values());
      throw e;
    }
  }

  // ---- Trash

  /** Moves a file, or a folder with everything in it, to the trash. */
  public void moveToTrash(FileActor actor, String id) {
    accounts.lock(actor.userId());
    FileNode node = tree.requireNode(actor, id, "id");
    if (node.isRoot()) {
      throw new InvalidInputException("id", "Your root folder cannot be deleted.");
    }
    FileNode parent = em.find(FileNode.class, node.parentId());
    String path = tree.pathOf(node);
    List<String> descendants = tree.descendants(node).stream().map(FileNode::id).toList();
    Instant now = FileWrites.now();
    for (List<String> chunk : FileTree.chunks(descendants)) {
      em.createQuery("UPDATE FileNode n SET n.trashedAt = :now, n.trashId = :item WHERE n.id IN :ids")
          .setParameter("now", now)
          .setParameter("item", node.id())
          .setParameter("ids", chunk)
          .executeUpdate();
    }
    node.trashAsItem(path, now);
    parent.touch(now);
    em.flush();
  }

  /** What the user moved to the trash, most recent first. */
  public List<TrashItem> trash(FileActor actor) {
    accounts.ensure(actor.userId());
    List<FileNode> items =
        em.createQuery(
                "SELECT n FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NOT NULL AND n.trashId = n.id"
                    + " ORDER BY n.trashedAt DESC, n.id",
                FileNode.class)
            .setParameter("owner", actor.userId())
            .getResultList();
    Map<String, Long> sizes = new HashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "SELECT n.trashId, SUM(n.size) FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NOT NULL"
                    + " AND n.type = :file GROUP BY n.trashId",
                Object[].class)
            .setParameter("owner", actor.userId())
            .setParameter("file", NodeType.FILE)
            .getResultList();
    for (Object[] row : rows) {
      sizes.put((String) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
    }
    return items.stream().map(n -> new TrashItem(n, sizes.getOrDefault(n.id(), 0L))).toList();
  }

  /**
   * Takes an item out of the trash: into the given folder, else back where it was, else (that folder is gone or in
   * the trash itself) into the root folder. A name taken meanwhile gets a counter: "report (2).pdf".
   */
  public NodeDetails restore(FileActor actor, String itemId, String parentRef) {
    accounts.lock(actor.userId());
    FileNode item = tree.requireTrashItem(actor, itemId, "id");
    FileNode target = parentRef != null
        ? tree.requireFolder(actor, parentRef, "parentId")
        : originalFolder(item).orElseGet(() -> tree.root(actor.userId()));
    FileName name = tree.freeName(target.id(), new FileName(item.name()), item.isFile());
    Instant now = FileWrites.now();
    em.createQuery("UPDATE FileNode n SET n.trashedAt = NULL, n.trashId = NULL WHERE n.trashId = :item AND n.id <> :item")
        .setParameter("item", item.id())
        .executeUpdate();
    item.restoreTo(target.id(), name);
    target.touch(now);
    em.flush();
    return tree.details(actor.userId(), item);
  }

  private Optional<FileNode> originalFolder(FileNode item) {
    if (item.originalParentId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(FileNode.class, item.originalParentId()))
        .filter(f -> f.ownerId().equals(item.ownerId()) && f.isFolder() && !f.isTrashed());
  }

  /** Deletes an item of the trash for good, with everything in it and all versions; frees its bytes. */
  public void deleteForever(FileActor actor, String itemId) {
    StorageAccount account = accounts.lock(actor.userId());
    FileNode item = tree.requireTrashItem(actor, itemId, "id");
    writes.purgeTrashItem(account, item);
  }

  /** Deletes everything in the trash for good; returns how many items there were. */
  public int emptyTrash(FileActor actor) {
    StorageAccount account = accounts.lock(actor.userId());
    List<FileNode> items =
        em.createQuery(
                "SELECT n FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NOT NULL AND n.trashId = n.id",
                FileNode.class)
            .setParameter("owner", actor.userId())
            .getResultList();
    for (FileNode item : items) {
      writes.purgeTrashItem(account, item);
    }
    return items.size();
  }

  // ---- Versions

  /** The earlier contents of a file, newest first. */
  public List<FileVersion> versions(FileActor actor, String fileId) {
    FileNode file = tree.requireFile(actor, fileId, "id");
    return writes.versionsOf(file.id());
  }

  public Download versionContent(FileActor actor, String fileId, String versionId) {
    FileNode file = tree.requireFile(actor, fileId, "id");
    FileVersion version = requireVersion(file, versionId);
    return new Download(file.name(), version.mimeType(), version.size(), version.etag(), version.createdAt(),
        source(version.blobId()));
  }

  /** Makes a version the current content; the content it replaces becomes a version. */
  public NodeDetails restoreVersion(FileActor actor, String fileId, String versionId) {
    StorageAccount account = accounts.lock(actor.userId());
    FileNode file = tree.requireFile(actor, fileId, "id");
    FileVersion version = requireVersion(file, versionId);
    Instant now = FileWrites.now();
    FileVersion previous = file.restore(version, now);
    em.remove(version);
    em.persist(previous);
    em.find(FileNode.class, file.parentId()).touch(now);
    writes.applyRetention(account, file, now);
    em.flush();
    return tree.details(actor.userId(), file);
  }

  public void deleteVersion(FileActor actor, String fileId, String versionId) {
    StorageAccount account = accounts.lock(actor.userId());
    FileNode file = tree.requireFile(actor, fileId, "id");
    writes.removeVersions(account, List.of(requireVersion(file, versionId)));
  }

  private FileVersion requireVersion(FileNode file, String rawVersionId) {
    String id = NodeIds.require(rawVersionId, "versionId");
    FileVersion version = em.find(FileVersion.class, id);
    if (version == null || !version.fileId().equals(file.id())) {
      throw new NodeNotFoundException("version", id + " of '" + file.name() + "'");
    }
    return version;
  }

  /** How long trash items and earlier versions are kept, as the run-time settings say now. */
  public Retention retention() {
    return new Retention(settings.trashRetention(), settings.versionsMaxAge());
  }

  // ---- Usage and quotas

  public Usage usage(FileActor actor) {
    return accounts.usage(actor.userId());
  }

  /** Another user's usage, for admins; the caller checks that the user exists. */
  public Usage usageOf(String userId) {
    return accounts.usage(userId);
  }

  /** Sets a user's own quota in bytes, or back to the workspace default with null; for admins. */
  public QuotaChange changeQuota(String userId, Long quotaBytes) {
    if (quotaBytes != null && quotaBytes < 0) {
      throw new InvalidInputException("quotaBytes", "A quota is 0 bytes or more.");
    }
    return accounts.changeQuota(userId, quotaBytes);
  }

  // ---- Search, recent, favourites

  /** Files and folders whose name contains the text, ignoring case, with their paths. */
  public ResultPage<NodeDetails> search(FileActor actor, String query, int offset, int limit) {
    String term = query == null ? "" : query.strip();
    if (term.isEmpty()) {
      throw new InvalidInputException("q", "Enter something to search for.");
    }
    if (term.length() > FileName.MAX_BYTES) {
      throw new InvalidInputException("q", "Search for at most " + FileName.MAX_BYTES + " characters.");
    }
    accounts.ensure(actor.userId());
    String like =
        "%" + term.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    String where =
        " FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NULL AND n.parentId IS NOT NULL"
            + " AND LOWER(n.name) LIKE :like ESCAPE '!'";
    long total =
        em.createQuery("SELECT COUNT(n)" + where, Long.class)
            .setParameter("owner", actor.userId())
            .setParameter("like", like)
            .getSingleResult();
    List<FileNode> nodes =
        em.createQuery("SELECT n" + where + " ORDER BY LOWER(n.name), n.name, n.id", FileNode.class)
            .setParameter("owner", actor.userId())
            .setParameter("like", like)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    return new ResultPage<>(tree.details(actor.userId(), nodes, true), total);
  }

  /** The most recently changed files, newest first, with their paths. */
  public List<NodeDetails> recent(FileActor actor, int limit) {
    accounts.ensure(actor.userId());
    List<FileNode> files =
        em.createQuery(
                "SELECT n FROM FileNode n WHERE n.ownerId = :owner AND n.trashedAt IS NULL AND n.type = :file"
                    + " ORDER BY n.modifiedAt DESC, n.id",
                FileNode.class)
            .setParameter("owner", actor.userId())
            .setParameter("file", NodeType.FILE)
            .setMaxResults(limit)
            .getResultList();
    return tree.details(actor.userId(), files, true);
  }

  /** Marks or unmarks a file or folder as a favourite; doing it twice is harmless. */
  public void markFavorite(FileActor actor, String id, boolean favorite) {
    accounts.lock(actor.userId());
    FileNode node = NodeIds.ROOT.equals(id) ? tree.root(actor.userId()) : tree.requireNode(actor, id, "id");
    FileFavorite existing = em.find(FileFavorite.class, new FileFavorite.Key(actor.userId(), node.id()));
    if (favorite && existing == null) {
      em.persist(new FileFavorite(actor.userId(), node.id(), FileWrites.now()));
    } else if (!favorite && existing != null) {
      em.remove(existing);
    }
  }

  /** The user's favourites that are not in the trash, by name, with their paths. */
  public List<NodeDetails> favorites(FileActor actor) {
    accounts.ensure(actor.userId());
    List<FileNode> nodes =
        em.createQuery(
                "SELECT n FROM FileNode n, FileFavorite f WHERE f.ownerId = :owner AND f.nodeId = n.id"
                    + " AND n.trashedAt IS NULL ORDER BY LOWER(n.name), n.name, n.id",
                FileNode.class)
            .setParameter("owner", actor.userId())
            .getResultList();
    return tree.details(actor.userId(), nodes, true);
  }

  // ---- Zip

  /** A folder and everything in it as zip entries, folder names ending in "/", to be streamed. */
  public Archive archive(FileActor actor, String folderRef) {
    FileNode folder = tree.requireFolder(actor, folderRef, "id");
    List<Archive.Entry> entries = new ArrayList<>();
    Map<String, String> paths = new HashMap<>();
    String top = folder.isRoot() ? "" : folder.name() + "/";
    paths.put(folder.id(), top);
    if (!folder.isRoot()) {
      entries.add(new Archive.Entry(top, true, 0, folder.modifiedAt(), null));
    }
    for (FileNode node : tree.descendants(folder)) {
      String parentPath = paths.get(node.parentId());
      if (parentPath == null) {
        continue;
      }
      if (node.isFolder()) {
        String path = parentPath + node.name() + "/";
        paths.put(node.id(), path);
        entries.add(new Archive.Entry(path, true, 0, node.modifiedAt(), null));
      } else {
        entries.add(new Archive.Entry(parentPath + node.name(), false, node.size(), node.modifiedAt(),
            source(node.blobId())));
      }
    }
    entries.sort(Comparator.comparing(Archive.Entry::path));
    return new Archive((folder.isRoot() ? "files" : folder.name()) + ".zip", entries);
  }

  // ----

  private ContentSource source(String blobId) {
    return ContentSource.ofBlob(blobs, blobId);
  }

  private long countChildren(String folderId, NodeType type) {
    return em.createQuery(
            "SELECT COUNT(n) FROM FileNode n WHERE n.parentId = :parent AND n.type = :type", Long.class)
        .setParameter("parent", folderId)
        .setParameter("type", type)
        .getSingleResult();
  }

  private List<FileNode> children(String folderId, NodeType type, SortKey sort, boolean descending, int offset,
      int limit) {
    String direction = descending ? " DESC" : " ASC";
    String order =
        switch (sort) {
          case NAME -> "LOWER(n.name)" + direction + ", n.name" + direction;
          case SIZE -> "n.size" + direction + ", LOWER(n.name), n.name";
          case MODIFIED -> "n.modifiedAt" + direction + ", LOWER(n.name), n.name";
        };
    var query =
        em.createQuery(
                "SELECT n FROM FileNode n WHERE n.parentId = :parent AND n.type = :type ORDER BY " + order + ", n.id",
                FileNode.class)
            .setParameter("parent", folderId)
            .setParameter("type", type)
            .setFirstResult(offset);
    if (limit < Integer.MAX_VALUE) {
      query.setMaxResults(limit);
    }
    return query.getResultList();
  }

  /** Subfolders ordered by the bytes directly in them, which only a computed total can tell. */
  private List<FileNode> foldersBySize(String folderId, boolean descending, int offset, int limit) {
    List<FileNode> folders = children(folderId, NodeType.FOLDER, SortKey.NAME, false, 0, Integer.MAX_VALUE);
    Map<String, Long> sizes = tree.folderSizes(folders.stream().map(FileNode::id).toList());
    Comparator<FileNode> bySize = Comparator.comparingLong(f -> sizes.getOrDefault(f.id(), 0L));
    if (descending) {
      bySize = bySize.reversed();
    }
    List<FileNode> sorted = new ArrayList<>(folders);
    sorted.sort(bySize);
    return sorted.subList(Math.min(offset, sorted.size()), Math.min(sorted.size(), offset + limit));
  }

  private void deleteQuietly(java.util.Collection<String> blobIds) {
    for (String blobId : blobIds) {
      try {
        blobs.delete(blobId);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not delete blob " + blobId + " of a failed write; the nightly sweep will", e);
      }
    }
  }
}
