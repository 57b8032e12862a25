package org.cloudworkspace.files.dav;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  /** A node and, when asked for and it is a folder, what is directly in it: what a PROPFIND lists. */
  public record Listing(FileNode node, List<FileNode> members) {}

  /** The node at a path and, with {@code withMembers}, its members, in one transaction; empty when nothing is there. */
  public Optional<Listing> listing(FileActor actor, List<String> names, boolean withMembers) {
    return resolve(actor, names)
        .map(node -> new Listing(node, withMembers && node.isFolder() ? children(node) : List.of()));
  }

  /** The nodes directly in a folder, by name; read-only objects, which EclipseLink builds without copies. */
  public List<FileNode> children(FileNode folder) {
    return em.createQuery("SELECT n FROM FileNode n WHERE n.parentId = :parent ORDER BY n.name", FileNode.class)
        .setParameter("parent", folder.id())
        .setHint("eclipselink.read-only", "true")
        .getResultList();
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
