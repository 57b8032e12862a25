package org.cloudworkspace.files;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * Lookups in users' trees, shared by the file services: nodes checked for ownership (another user's node is "not
 * found" and the attempt is audited), children, ancestors, paths, subtrees, folder sizes and favourites.
 */
@Stateless
public class FileTree {

  /** Ids per IN list, well below every database's limit. */
  static final int CHUNK = 500;

  private static final Logger LOG = Logger.getLogger(FileTree.class.getName());

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject StorageAccounts accounts;

  @Inject AuditLog audit;

  @Inject BlobStore blobs;

  @Resource TransactionSynchronizationRegistry transactions;

  /** A file or folder of the actor that is not in the trash. */
  public FileNode requireNode(FileActor actor, String rawId, String field) {
    String id = NodeIds.require(rawId, field);
    FileNode node = owned(actor, id, "file or folder");
    if (node.isTrashed()) {
      throw new NodeNotFoundException("file or folder", id);
    }
    return node;
  }

  /** A file (not a folder) of the actor that is not in the trash. */
  public FileNode requireFile(FileActor actor, String rawId, String field) {
    FileNode node = requireNode(actor, rawId, field);
    if (!node.isFile()) {
      throw new InvalidInputException(field, "'" + node.name() + "' is a folder; this works on files only.");
    }
    return node;
  }

  /** A folder of the actor that is not in the trash; {@code root} names the root folder. */
  public FileNode requireFolder(FileActor actor, String rawRef, String field) {
    String ref = NodeIds.requireFolderRef(rawRef, field);
    if (NodeIds.ROOT.equals(ref)) {
      return root(actor.userId());
    }
    FileNode node = owned(actor, ref, "folder");
    if (node.isTrashed()) {
      throw new NodeNotFoundException("folder", ref);
    }
    if (!node.isFolder()) {
      throw new InvalidInputException(field, "'" + node.name() + "' is a file, not a folder.");
    }
    return node;
  }

  /** Something the actor moved to the trash (not a node that went with it). */
  public FileNode requireTrashItem(FileActor actor, String rawId, String field) {
    String id = NodeIds.require(rawId, field);
    FileNode node = owned(actor, id, "item in the trash");
    if (!node.isTrashItem()) {
      throw new NodeNotFoundException("item in the trash", id);
    }
    return node;
  }

  /** The user's root folder. */
  public FileNode root(String userId) {
    return em.find(FileNode.class, accounts.ensure(userId).rootId());
  }

  /** The node under this name directly in a folder, if any. */
  public Optional<FileNode> child(String folderId, String name) {
    return em.createQuery("SELECT n FROM FileNode n WHERE n.parentId = :parent AND n.name = :name", FileNode.class)
        .setParameter("parent", folderId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /** {@code wanted}, or the first free "name (n)" in the folder. */
  public FileName freeName(String folderId, FileName wanted, boolean isFile) {
    if (child(folderId, wanted.value()).isEmpty()) {
      return wanted;
    }
    for (int counter = 2; counter < 10_000; counter++) {
      FileName candidate = wanted.withCounter(counter, isFile);
      if (child(folderId, candidate.value()).isEmpty()) {
        return candidate;
      }
    }
    throw new NameTakenException(wanted.value(), "this folder");
  }

  /** The folders from the root down to {@code node}'s parent. */
  public List<FileNode> ancestors(FileNode node) {
    List<FileNode> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String parentId = node.parentId();
    while (parentId != null && seen.add(parentId)) {
      FileNode parent = em.find(FileNode.class, parentId);
      if (parent == null) {
        break;
      }
      chain.add(0, parent);
      parentId = parent.parentId();
    }
    return chain;
  }

  /** Whether {@code candidate} is {@code folder} itself or lies somewhere inside it. */
  public boolean isSelfOrInside(FileNode candidate, FileNode folder) {
    if (candidate.id().equals(folder.id())) {
      return true;
    }
    return ancestors(candidate).stream().anyMatch(a -> a.id().equals(folder.id()));
  }

  /** The path of a live node from the root folder, like {@code /Documents/report.pdf}; the root's is {@code /}. */
  public String pathOf(FileNode node) {
    if (node.isRoot()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    for (FileNode ancestor : ancestors(node)) {
      if (!ancestor.isRoot()) {
        path.append('/').append(ancestor.name());
      }
    }
    return path.append('/').append(node.name()).toString();
  }

  /** A label for messages: "your root folder" or "'Name'". */
  public static String label(FileNode folder) {
    return folder.isRoot() ? "your root folder" : "'" + folder.name() + "'";
  }

  /** Every node below a folder (not the folder itself), parents before their children. */
  public List<FileNode> descendants(FileNode folder) {
    List<FileNode> all = new ArrayList<>();
    if (!folder.isFolder()) {
      return all;
    }
    List<String> level = List.of(folder.id());
    while (!level.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (List<String> chunk : chunks(level)) {
        List<FileNode> children =
            em.createQuery("SELECT n FROM FileNode n WHERE n.parentId IN :ids ORDER BY n.name", FileNode.class)
                .setParameter("ids", chunk)
                .getResultList();
        for (FileNode child : children) {
          all.add(child);
          if (child.isFolder()) {
            next.add(child.id());
          }
        }
      }
      level = next;
    }
    return all;
  }

  /** Sizes and favourite flags for nodes, in their order; paths only when {@code withPaths}. */
  public List<NodeDetails> details(String ownerId, List<FileNode> nodes, boolean withPaths) {
    if (nodes.isEmpty()) {
      return List.of();
    }
    List<String> folderIds = nodes.stream().filter(FileNode::isFolder).map(FileNode::id).toList();
    Map<String, Long> sizes = folderSizes(folderIds);
    Set<String> favorites = favoritesAmong(ownerId, nodes.stream().map(FileNode::id).toList());
    FolderPaths paths = withPaths ? folderPaths(ownerId) : null;
    List<NodeDetails> details = new ArrayList<>(nodes.size());
    for (FileNode node : nodes) {
      long size = node.isFolder() ? sizes.getOrDefault(node.id(), 0L) : node.size();
      details.add(new NodeDetails(node, size, favorites.contains(node.id()), paths == null ? null : paths.of(node)));
    }
    return details;
  }

  public NodeDetails details(String ownerId, FileNode node) {
    return details(ownerId, List.of(node), false).get(0);
  }

  /** The details of a file created in the current transaction: its own size, and no one's favourite yet. */
  public NodeDetails detailsOfNew(FileNode file) {
    return new NodeDetails(file, file.size(), false, null);
  }

  /** The total bytes of the files directly inside each folder. */
  public Map<String, Long> folderSizes(Collection<String> folderIds) {
    Map<String, Long> sizes = new HashMap<>();
    for (List<String> chunk : chunks(folderIds)) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT n.parentId, SUM(n.size) FROM FileNode n WHERE n.parentId IN :ids AND n.type = :file"
                      + " GROUP BY n.parentId",
                  Object[].class)
              .setParameter("ids", chunk)
              .setParameter("file", NodeType.FILE)
              .getResultList();
      for (Object[] row : rows) {
        sizes.put((String) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
      }
    }
    return sizes;
  }

  /** Which of these nodes the user marked as favourites. */
  public Set<String> favoritesAmong(String ownerId, Collection<String> nodeIds) {
    Set<String> favorites = new HashSet<>();
    for (List<String> chunk : chunks(nodeIds)) {
      favorites.addAll(
          em.createQuery(
                  "SELECT f.nodeId FROM FileFavorite f WHERE f.ownerId = :owner AND f.nodeId IN :ids", String.class)
              .setParameter("owner", ownerId)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return favorites;
  }

  /** The paths of all of a user's live folders, loaded at once, for showing the paths of many results. */
  public FolderPaths folderPaths(String ownerId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT n.id, n.parentId, n.name FROM FileNode n WHERE n.ownerId = :owner AND n.type = :folder"
                    + " AND n.trashedAt IS NULL",
                Object[].class)
            .setParameter("owner", ownerId)
            .setParameter("folder", NodeType.FOLDER)
            .getResultList();
    return new FolderPaths(rows);
  }

  /** Deletes blobs once the current transaction has committed; a rollback keeps them, as the rows still need them. */
  public void deleteBlobsAfterCommit(Collection<String> blobIds) {
    if (blobIds.isEmpty()) {
      return;
    }
    List<String> doomed = List.copyOf(blobIds);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              deleteBlobsNow(doomed);
            }
          }
        });
  }

  /**
   * Deletes blobs written for the current transaction if it does not commit (a rollback, or a failure at commit),
   * so that no unreferenced bytes stay behind.
   */
  public void deleteBlobsUnlessCommitted(Collection<String> blobIds) {
    List<String> written = List.copyOf(blobIds);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              deleteBlobsNow(written);
            }
          }
        });
  }

  /** Deletes blobs that no row refers to (any more, or yet); failures are logged and left to the nightly sweep. */
  public void deleteBlobsNow(Collection<String> blobIds) {
    for (String blobId : blobIds) {
      try {
        blobs.delete(blobId);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not delete blob " + blobId + "; the nightly sweep will retry", e);
      }
    }
  }

  private FileNode owned(FileActor actor, String id, String what) {
    FileNode node = em.find(FileNode.class, id);
    if (node == null) {
      throw new NodeNotFoundException(what, id);
    }
    if (!node.ownerId().equals(actor.userId())) {
      audit.record(
          AuditType.FILES_ACCESS_DENIED, AuditOutcome.FAILURE, actor.userId(), actor.username(), "node " + id,
          actor.client(), "tried to reach another user's " + (node.isFolder() ? "folder" : "file"));
      LOG.warning(() -> "User " + actor.userId() + " tried to reach node " + id + " of another user");
      throw new NodeNotFoundException(what, id);
    }
    return node;
  }

  static <T> List<List<T>> chunks(Collection<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> list = List.copyOf(items);
    for (int i = 0; i < list.size(); i += CHUNK) {
      chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
    }
    return chunks;
  }

  /** Paths of a user's folders from one query. */
  public static final class FolderPaths {
    private final Map<String, String[]> folders = new HashMap<>();
    private final Map<String, String> cache = new HashMap<>();

    FolderPaths(List<Object[]> rows) {
      for (Object[] row : rows) {
        folders.put((String) row[0], new String[] {(String) row[1], (String) row[2]});
      }
    }

    /** The node's path, like {@code /Documents/report.pdf}. */
    public String of(FileNode node) {
      if (node.isRoot()) {
        return "/";
      }
      String parent = folderPath(node.parentId(), new ArrayDeque<>());
      return ("/".equals(parent) ? "" : parent) + "/" + node.name();
    }

    private String folderPath(String folderId, Deque<String> visiting) {
      String cached = cache.get(folderId);
      if (cached != null) {
        return cached;
      }
      String[] folder = folders.get(folderId);
      if (folder == null || folder[0] == null || visiting.contains(folderId)) {
        return "/";
      }
      visiting.push(folderId);
      String parent = folderPath(folder[0], visiting);
      visiting.pop();
      String path = ("/".equals(parent) ? "" : parent) + "/" + folder[1];
      cache.put(folderId, path);
      return path;
    }
  }
}
