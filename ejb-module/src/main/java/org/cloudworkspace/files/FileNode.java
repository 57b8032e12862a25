package org.cloudworkspace.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file or folder in a user's tree. The bytes of a file are one immutable blob; new content is a new blob and the
 * previous one becomes a {@link FileVersion}. A node moved to the trash keeps its subtree: the node deleted by the
 * user (the trash item) is detached from its parent and remembers where it was; its descendants keep their parents
 * and carry the trash item's id, so the whole subtree comes back on restore.
 */
@Entity
@Table(name = "file_node")
public class FileNode {

  @Id private String id;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  /** The containing folder; null for a user's root folder and for trash items. */
  @Column(name = "parent_id")
  private String parentId;

  @Column(nullable = false)
  private String name;

  @Column(name = "node_type", nullable = false)
  @Enumerated(EnumType.STRING)
  private NodeType type;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  private String sha256;

  @Column(name = "blob_id")
  private String blobId;

  @Column(name = "mime_type")
  private String mimeType;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "modified_at", nullable = false)
  private Instant modifiedAt;

  /** Changes whenever the content (a file's bytes, a folder's list of children) changes. */
  @Column(nullable = false)
  private String etag;

  @Column(nullable = false)
  private long revision;

  @Column(name = "trashed_at")
  private Instant trashedAt;

  /** The trash item this node went to the trash with (its own id for the trash item itself). */
  @Column(name = "trash_id")
  private String trashId;

  @Column(name = "original_parent_id")
  private String originalParentId;

  @Column(name = "original_path")
  private String originalPath;

  protected FileNode() {}

  private FileNode(String ownerId, String parentId, String name, NodeType type, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.ownerId = Objects.requireNonNull(ownerId);
    this.parentId = parentId;
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.createdAt = now;
    this.modifiedAt = now;
    this.etag = newEtag();
    this.revision = 1;
  }

  /** A user's root folder: no parent, no name. */
  static FileNode root(String ownerId, Instant now) {
    return new FileNode(ownerId, null, "", NodeType.FOLDER, now);
  }

  static FileNode folder(String ownerId, String parentId, FileName name, Instant now) {
    return new FileNode(ownerId, Objects.requireNonNull(parentId), name.value(), NodeType.FOLDER, now);
  }

  static FileNode file(String ownerId, String parentId, FileName name, BlobStore.StoredBlob blob, String mimeType,
      Instant now) {
    FileNode file = new FileNode(ownerId, Objects.requireNonNull(parentId), name.value(), NodeType.FILE, now);
    file.setContent(blob.id(), blob.size(), blob.sha256(), mimeType);
    return file;
  }

  /** A copy of this node (without its children) under another parent, with the bytes of the given blob. */
  FileNode copyTo(String newParentId, String newName, String newBlobId, Instant now) {
    FileNode copy = new FileNode(ownerId, newParentId, newName, type, now);
    if (isFile()) {
      String copyType = newName.equals(name) ? mimeType : MimeTypes.afterRename(mimeType, newName);
      copy.setContent(newBlobId, size, sha256, copyType);
    }
    return copy;
  }

  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public String parentId() {
    return parentId;
  }

  public String name() {
    return name;
  }

  public NodeType type() {
    return type;
  }

  public boolean isFile() {
    return type == NodeType.FILE;
  }

  public boolean isFolder() {
    return type == NodeType.FOLDER;
  }

  /** Whether this is the user's root folder. */
  public boolean isRoot() {
    return parentId == null && trashedAt == null;
  }

  public boolean isTrashed() {
    return trashedAt != null;
  }

  /** Whether this node is what the user moved to the trash (not a descendant that went with it). */
  public boolean isTrashItem() {
    return trashedAt != null && id.equals(trashId);
  }

  /** Bytes of a file; 0 for folders. */
  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String blobId() {
    return blobId;
  }

  public String mimeType() {
    return mimeType;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant modifiedAt() {
    return modifiedAt;
  }

  /** The entity tag as HTTP sends it, quotes included. */
  public String etag() {
    return "\"" + etag + "\"";
  }

  /** Whether an {@code If-Match} value (quoted or not) names the current content. */
  public boolean etagMatches(String candidate) {
    if (candidate == null) {
      return false;
    }
    String bare = candidate.trim();
    if (bare.startsWith("W/")) {
      return false;
    }
    if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    return etag.equals(bare);
  }

  public long revision() {
    return revision;
  }

  public Instant trashedAt() {
    return trashedAt;
  }

  public String trashId() {
    return trashId;
  }

  public String originalParentId() {
    return originalParentId;
  }

  public String originalPath() {
    return originalPath;
  }

  /**
   * Gives the node another name and/or folder. Its modification time stays: it tells when the content changed, and
   * the folders it left and entered are touched instead.
   */
  void moveTo(String newParentId, FileName newName) {
    if (isRoot()) {
      throw new IllegalStateException("The root folder cannot be moved");
    }
    this.parentId = Objects.requireNonNull(newParentId);
    if (isFile() && !newName.value().equals(name)) {
      this.mimeType = MimeTypes.afterRename(mimeType, newName.value());
    }
    this.name = newName.value();
  }

  /** New bytes for a file; the previous content is returned as a version to keep. */
  FileVersion replaceContent(BlobStore.StoredBlob blob, String newMimeType, Instant now) {
    requireFile();
    FileVersion previous = new FileVersion(this, now);
    setContent(blob.id(), blob.size(), blob.sha256(), newMimeType);
    this.modifiedAt = now;
    return previous;
  }

  /** Makes a version's bytes the current content; the content it replaces is returned as a version to keep. */
  FileVersion restore(FileVersion version, Instant now) {
    requireFile();
    FileVersion previous = new FileVersion(this, now);
    setContent(version.blobId(), version.size(), version.sha256(), version.mimeType());
    this.modifiedAt = now;
    return previous;
  }

  /** A folder's list of children changed. */
  void touch(Instant now) {
    this.modifiedAt = now;
    this.etag = newEtag();
    this.revision++;
  }

  /** Makes this node a trash item: detached from its folder, remembering where it was. */
  void trashAsItem(String path, Instant now) {
    if (isRoot()) {
      throw new IllegalStateException("The root folder cannot be trashed");
    }
    this.originalParentId = parentId;
    this.originalPath = path;
    this.parentId = null;
    this.trashedAt = now;
    this.trashId = id;
  }

  /** Takes a trash item back into a folder under the given name. */
  void restoreTo(String newParentId, FileName newName) {
    if (!isTrashItem()) {
      throw new IllegalStateException("Only trash items can be restored");
    }
    this.parentId = Objects.requireNonNull(newParentId);
    this.name = newName.value();
    this.trashedAt = null;
    this.trashId = null;
    this.originalParentId = null;
    this.originalPath = null;
  }

  private void setContent(String newBlobId, long newSize, String newSha256, String newMimeType) {
    this.blobId = newBlobId;
    this.size = newSize;
    this.sha256 = newSha256;
    this.mimeType = newMimeType;
    this.etag = newEtag();
    this.revision++;
  }

  private void requireFile() {
    if (!isFile()) {
      throw new IllegalStateException("Only files have content");
    }
  }

  private static String newEtag() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
