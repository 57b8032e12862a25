package org.cloudworkspace.office;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A save the Document Server delivered (callback status 2, 3, 6 or 7), identified by its delivery (key, status and
 * download address), so that the same callback twice is stored once. A failed save stays here, visible to the owner
 * and to admins, until a retry (by the Document Server, the owner or an admin) stores it.
 */
@Entity
@Table(name = "office_save")
public class DocumentSave {

  /** Where a save stands. */
  public enum State {
    SAVING,
    SAVED,
    FAILED
  }

  @Id private String id;

  @Column(nullable = false, unique = true)
  private String delivery;

  @Column(name = "doc_key", nullable = false)
  private String key;

  @Column(name = "file_id", nullable = false)
  private String fileId;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "callback_status", nullable = false)
  private int callbackStatus;

  /** The Document Server's temporary link to the edited file; never shown by the API. */
  @Column(name = "source_url", nullable = false)
  private String sourceUrl;

  @Column(name = "file_type")
  private String fileType;

  private String editors;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  /** Whether the Document Server itself reported an error while saving (status 3 or 7). */
  @Column(name = "server_error", nullable = false)
  private boolean serverError;

  /** What happened when it was stored, e.g. that it went into a recovered copy. */
  private String outcome;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  protected DocumentSave() {}

  DocumentSave(String delivery, DocumentSession session, String fileName, CallbackBody body, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.delivery = delivery;
    this.key = session.key();
    this.fileId = session.fileId();
    this.ownerId = session.ownerId();
    this.fileName = truncate(fileName, 1024);
    this.callbackStatus = body.status();
    this.sourceUrl = body.url();
    this.fileType = body.fileType() == null ? null : truncate(body.fileType(), 16);
    this.editors = truncate(String.join(",", body.users()), 2000);
    this.serverError = body.status() == 3 || body.status() == 7;
    this.state = State.SAVING;
    this.attempts = 1;
    this.createdAt = now;
    this.updatedAt = now;
    this.claimedAt = now;
  }

  public String id() {
    return id;
  }

  public String delivery() {
    return delivery;
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

  public String fileName() {
    return fileName;
  }

  public int callbackStatus() {
    return callbackStatus;
  }

  String sourceUrl() {
    return sourceUrl;
  }

  public String fileType() {
    return fileType;
  }

  public String editors() {
    return editors;
  }

  public State state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public boolean serverError() {
    return serverError;
  }

  public String outcome() {
    return outcome;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant claimedAt() {
    return claimedAt;
  }

  /** Whether a new attempt may start now: failed, or claimed long enough ago that its attempt must have died. */
  boolean claimable(Instant now, java.time.Duration staleAfter) {
    return state == State.FAILED || (state == State.SAVING && claimedAt != null && claimedAt.plus(staleAfter).isBefore(now));
  }

  void claim(Instant now) {
    this.state = State.SAVING;
    this.attempts++;
    this.claimedAt = now;
    this.updatedAt = now;
  }

  void saved(String what, Instant now) {
    this.state = State.SAVED;
    this.lastError = null;
    this.outcome = truncate(what, 1000);
    this.updatedAt = now;
  }

  void failed(String why, Instant now) {
    this.state = State.FAILED;
    this.lastError = truncate(why, 1000);
    this.updatedAt = now;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
