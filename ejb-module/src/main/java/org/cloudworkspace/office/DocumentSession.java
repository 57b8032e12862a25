package org.cloudworkspace.office;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One document key: one version of one file as everyone co-editing it sees it. Force saves move {@code contentEtag}
 * to the stored version and keep the key; a final save (or closing without changes) closes the session, so the next
 * opening gets a new key.
 */
@Entity
@Table(name = "office_session")
public class DocumentSession {

  @Id
  @Column(name = "doc_key")
  private String key;

  @Column(name = "file_id", nullable = false)
  private String fileId;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "content_etag", nullable = false)
  private String contentEtag;

  @Column(name = "is_open", nullable = false)
  private boolean open;

  /** User ids the Document Server reported as editing, comma-separated. */
  private String editors;

  @Column(name = "editing_since")
  private Instant editingSince;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected DocumentSession() {}

  DocumentSession(String key, String fileId, String ownerId, String contentEtag, Instant now) {
    this.key = Objects.requireNonNull(key);
    this.fileId = Objects.requireNonNull(fileId);
    this.ownerId = Objects.requireNonNull(ownerId);
    this.contentEtag = Objects.requireNonNull(contentEtag);
    this.open = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String key() {
    return key;
  }

  public String fileId() {
    return fileId;
  }

  public String ownerId() {
    return ownerId;
  }

  public String contentEtag() {
    return contentEtag;
  }

  public boolean isOpen() {
    return open;
  }

  public List<String> editors() {
    return editors == null || editors.isBlank() ? List.of() : Arrays.asList(editors.split(","));
  }

  public Instant editingSince() {
    return editingSince;
  }

  /** Opens a closed session again for the same version (after "closed without changes"). */
  void reopen(Instant now) {
    this.open = true;
    this.updatedAt = now;
  }

  /** Status 1: these users have the document open. */
  void markEditing(List<String> userIds, Instant now) {
    String joined = String.join(",", userIds);
    if (joined.length() > 2000) {
      joined = joined.substring(0, joined.lastIndexOf(',', 2000));
    }
    if (editingSince == null || editors == null || editors.isBlank()) {
      editingSince = now;
    }
    this.editors = joined.isBlank() ? null : joined;
    if (editors == null) {
      editingSince = null;
    }
    this.updatedAt = now;
  }

  /** A force save stored this version; editing continues under the same key. */
  void advance(String newEtag, Instant now) {
    this.contentEtag = Objects.requireNonNull(newEtag);
    this.updatedAt = now;
  }

  /** Final save stored, or closed without changes: the key is retired and nobody edits any more. */
  void close(Instant now) {
    this.open = false;
    this.editors = null;
    this.editingSince = null;
    this.updatedAt = now;
  }
}
