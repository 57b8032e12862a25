package org.cloudworkspace.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Earlier content of a file, kept when the file was overwritten; its bytes are a blob of its own. */
@Entity
@Table(name = "file_version")
public class FileVersion {

  @Id private String id;

  @Column(name = "file_id", nullable = false)
  private String fileId;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "blob_id", nullable = false)
  private String blobId;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "mime_type")
  private String mimeType;

  /** When this content was written. */
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** When newer content replaced it; retention counts from here. */
  @Column(name = "archived_at", nullable = false)
  private Instant archivedAt;

  protected FileVersion() {}

  /** The current content of {@code file}, about to be replaced at {@code now}. */
  FileVersion(FileNode file, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.fileId = file.id();
    this.ownerId = file.ownerId();
    this.blobId = file.blobId();
    this.size = file.size();
    this.sha256 = file.sha256();
    this.mimeType = file.mimeType();
    this.createdAt = file.modifiedAt();
    this.archivedAt = now;
  }

  public String id() {
    return id;
  }

  public String fileId() {
    return fileId;
  }

  public String ownerId() {
    return ownerId;
  }

  public String blobId() {
    return blobId;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String mimeType() {
    return mimeType;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant archivedAt() {
    return archivedAt;
  }

  /** The entity tag of this version's bytes, quotes included. */
  public String etag() {
    return "\"v-" + id + "\"";
  }
}
