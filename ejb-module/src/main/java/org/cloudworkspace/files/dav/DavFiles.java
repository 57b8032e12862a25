package org.cloudworkspace.files.dav;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.FileTree;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.Usage;

/**
 * Users' trees addressed by path, as WebDAV does, and the composite operations WebDAV needs, each in one transaction
 * made of {@link FileService} calls (so that quota, versions, trash and auditing stay the file service's).
 */
@Stateless
public class DavFiles {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject FileTree tree;

  @Inject FileService files;

  @Inject DeadProperties properties;

  @Inject DavLocks locks;

  /** The user's root folder. */
  public FileNode root(FileActor actor) {
    return tree.root(actor.userId());
  }

  /** The live node at a path given as validated names from the root; empty when nothing is there. */
  public Optional<FileNode> resolve(FileActor actor, List<String> names) {
    FileNode node = tree.root(actor.userId());
    for (String name : names) {
      if (!node.isFolder()) {
        return Optional.empty();
      }
      Optional<FileNode> child = tree.child(node.id(), name);
      if (child.isEmpty()) {
        return Optional.empty();
      }
      node = child.get();
    }
    return Optional.of(node);
  }

  /** What a PUT to a path needs to know: the parent (empty when missing), what is at the path, the user's locks. */
  public record PutTarget(Optional<FileNode> parent, Optional<FileNode> existing, List<DavLock> locks) {}

  /** The parent folder of a path, what is at the path and the user's active locks, in one transaction. */
  public PutTarget putTarget(FileActor actor, List<String> names) {
    Optional<FileNode> parent = resolve(actor, names.subList(0, names.size() - 1));
    Optional<FileNode> existing =
        parent.filter(FileNode::isFolder).flatMap(folder -> tree.child(folder.id(), names.get(names.size() - 1)));
    return new PutTarget(parent, existing, locks.active(actor.userId()));
  }

  /** What a PROPFIND needs besides the entries, each loaded only when the request asks for it. */
  public record Extras(boolean deadProperties, boolean locks, boolean usage) {}

  /**
   * A node and, when asked for and it is a folder, what is directly in it, with what the requested properties need:
   * the dead properties of all of them (empty map when not asked for), the user's active locks and the usage (null
   * when not asked for).
   */
  public record Listing(DavEntry node, List<DavEntry> members, Map<String, List<DeadProperty>> deadProperties,
      List<DavLock> locks, Usage usage) {}

  /** The columns a member's entry is made of (see {@link DavEntry#ofRow}). */
  static final String MEMBER_COLUMNS = "n.id, n.name, n.type, n.size, n.mimeType, n.etag, n.createdAt, n.modifiedAt";

  /**
   * Everything a PROPFIND answers from, in one transaction: the node at a path and, with {@code withMembers}, its
   * members (one query), and the extras asked for (one query each); empty when nothing is at the path.
   */
  public Optional<Listing> listing(FileActor actor, List<String> names, boolean withMembers, Extras extras) {
    Optional<FileNode> found = resolve(actor, names);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FileNode node = found.get();
    List<DavEntry> members = withMembers && node.isFolder() ? members(node) : List.of();
    Map<String, List<DeadProperty>> dead = Map.of();
    if (extras.deadProperties()) {
      dead = members.isEmpty() ? properties.of(List.of(node.id())) : properties.ofFolderAndChildren(node.id());
    }
    List<DavLock> active = extras.locks() ? locks.active(actor.userId()) : List.of();
    Usage usage = extras.usage() ? files.usage(actor) : null;
    return Optional.of(new Listing(DavEntry.of(node), members, dead, active, usage));
  }

  /**
   * The entries of the nodes directly in a folder, by name, in one query that reads only the columns a PROPFIND
   * needs: no entities are built or cached, which is most of what listing a large folder costs.
   */
  public List<DavEntry> members(FileNode folder) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT " + MEMBER_COLUMNS + " FROM FileNode n WHERE n.parentId = :parent ORDER BY n.name",
                Object[].class)
            .setParameter("parent", folder.id())
            .getResultList();
    List<DavEntry> members = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      members.add(DavEntry.ofRow(row));
    }
    return members;
  }

  /**
   * Moves (and/or renames) a node into a folder under a name; {@code replacedId}, when not null, is the node at the
   * destination that goes to the trash first (Overwrite: T). Both happen or neither.
   */
  public void move(FileActor actor, String sourceId, String folderId, String name, String replacedId) {
    if (replacedId != null) {
      files.moveToTrash(actor, replacedId);
    }
    files.update(actor, sourceId, name, folderId, ConflictPolicy.FAIL);
  }

  /**
   * Puts a finished copy in place of the node at the destination: that node goes to the trash and the copy takes its
   * name. Both happen or neither.
   */
  public void replaceWithCopy(FileActor actor, String copyId, String replacedId, String name) {
    files.moveToTrash(actor, replacedId);
    files.update(actor, copyId, name, null, ConflictPolicy.FAIL);
  }

  /**
   * A shallow copy of a folder (COPY with Depth 0): a new empty folder with the original's dead properties, in place
   * of {@code replacedId} (to the trash) when that is not null. All or nothing.
   */
  public NodeDetails createFolderReplacing(FileActor actor, String parentId, String name, String replacedId,
      String originalId) {
    if (replacedId != null) {
      files.moveToTrash(actor, replacedId);
    }
    NodeDetails folder = files.createFolder(actor, parentId, name);
    copyProperties(originalId, folder.node().id());
    return folder;
  }

  /** Gives a copy (and everything in a copied folder) the dead properties of the original. */
  public void copyProperties(String originalId, String copyId) {
    FileNode original = em.find(FileNode.class, originalId);
    FileNode copy = em.find(FileNode.class, copyId);
    if (original == null || copy == null) {
      return;
    }
    Map<String, String> copies = new HashMap<>();
    copies.put(original.id(), copy.id());
    if (original.isFolder() && copy.isFolder()) {
      Map<String, String> originalPaths = relativePaths(original);
      Map<String, String> copyIdsByPath = new HashMap<>();
      relativePaths(copy).forEach((id, path) -> copyIdsByPath.put(path, id));
      originalPaths.forEach(
          (id, path) -> {
            String copied = copyIdsByPath.get(path);
            if (copied != null) {
              copies.put(id, copied);
            }
          });
    }
    properties.copy(copies);
  }

  /** Node id → path relative to the folder, for everything below it. */
  private Map<String, String> relativePaths(FileNode folder) {
    Map<String, String> paths = new HashMap<>();
    paths.put(folder.id(), "");
    Map<String, String> result = new HashMap<>();
    for (FileNode node : tree.descendants(folder)) {
      String parent = paths.get(node.parentId());
      if (parent != null) {
        String path = parent + "/" + node.name();
        paths.put(node.id(), path);
        result.put(node.id(), path);
      }
    }
    return result;
  }
}
