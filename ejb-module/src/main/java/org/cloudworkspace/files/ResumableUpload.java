package org.cloudworkspace.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A resumable (tus) upload a user started: where the file goes, how long it is, and how many of its bytes are durably
 * staged. The staged bytes live on storage under this upload's random id. Once complete, {@code fileId} names the
 * file it became and the row stays until it expires, so that a client that lost the last answer can still learn the
 * upload is done.
 */
@Entity
@Table(name = "file_upload")
public class ResumableUpload {

  @Id private String id;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "folder_id", nullable = false)
  private String folderId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "mime_type")
  private String mimeType;

  @Column(name = "length_bytes", nullable = false)
  private long lengthBytes;

  @Column(name = "offset_bytes", nullable = false)
  private long offsetBytes;

  @Column(name = "on_conflict", nullable = false)
  @Enumerated(EnumType.STRING)
  private ConflictPolicy onConflict;

  /** The If-Match entity tags, one per line; null when the upload is not conditional on them. */
  @Column(name = "if_match")
  private String ifMatch;

  @Column(name = "if_none_match", nullable = false)
  private boolean ifNoneMatch;

  /** The client's Upload-Metadata header as it was sent, echoed on HEAD. */
  private String metadata;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "file_id")
  private String fileId;

  protected ResumableUpload() {}

  ResumableUpload(String ownerId, String folderId, FileName name, String mimeType, long length,
      ConflictPolicy onConflict, WritePreconditions preconditions, String metadata, Instant now, Instant expiresAt) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length");
    }
    this.id = UUID.randomUUID().toString();
    this.ownerId = ownerId;
    this.folderId = folderId;
    this.fileName = name.value();
    this.mimeType = mimeType;
    this.lengthBytes = length;
    this.onConflict = onConflict;
    this.ifMatch = preconditions.ifMatch() == null ? null : String.join("\n", preconditions.ifMatch());
    this.ifNoneMatch = preconditions.ifNoneMatchAny();
    this.metadata = metadata;
    this.createdAt = now;
    this.updatedAt = now;
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public String folderId() {
    return folderId;
  }

  public FileName fileName() {
    return new FileName(fileName);
  }

  public String mimeType() {
    return mimeType;
  }

  public long length() {
    return lengthBytes;
  }

  /** The bytes durably received so far (the whole length once complete). */
  public long offset() {
    return fileId != null ? lengthBytes : offsetBytes;
  }

  public ConflictPolicy onConflict() {
    return onConflict;
  }

  public WritePreconditions preconditions() {
    List<String> tags = ifMatch == null ? null : Arrays.asList(ifMatch.split("\n"));
    return new WritePreconditions(tags, ifNoneMatch);
  }

  public String metadata() {
    return metadata;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** The file the upload became, once complete; null before. */
  public String fileId() {
    return fileId;
  }

  public boolean isComplete() {
    return fileId != null;
  }

  public boolean isExpired(Instant now) {
    return !expiresAt.isAfter(now);
  }

  void completed(String newFileId, Instant now, Instant keepUntil) {
    this.fileId = newFileId;
    this.offsetBytes = lengthBytes;
    this.updatedAt = now;
    this.expiresAt = keepUntil;
  }
}
