package org.cloudworkspace.files.sharing;

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
 * A file or folder shared by its owner, either with one user or through a public link. A link is found by the SHA-256
 * of its token; the token itself is kept only encrypted. Its password, when set, is an Argon2id hash, and its password
 * version grows on every change so that sessions unlocked with an earlier password end.
 */
@Entity
@Table(name = "file_share")
public class FileShare {

  @Id private String id;

  @Column(name = "node_id", nullable = false)
  private String nodeId;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "share_kind", nullable = false)
  @Enumerated(EnumType.STRING)
  private ShareKind kind;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private SharePermission permission;

  @Column(name = "recipient_id")
  private String recipientId;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "token_sealed")
  private String tokenSealed;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "password_version", nullable = false)
  private int passwordVersion;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "download_count", nullable = false)
  private long downloadCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected FileShare() {}

  private FileShare(String nodeId, String ownerId, ShareKind kind, SharePermission permission, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.nodeId = Objects.requireNonNull(nodeId);
    this.ownerId = Objects.requireNonNull(ownerId);
    this.kind = kind;
    this.permission = permission;
    this.createdAt = now;
    this.updatedAt = now;
  }

  static FileShare withUser(String nodeId, String ownerId, String recipientId, SharePermission permission,
      Instant now) {
    if (permission == SharePermission.UPLOAD) {
      throw new IllegalArgumentException("Upload-only is for links");
    }
    FileShare share = new FileShare(nodeId, ownerId, ShareKind.USER, permission, now);
    share.recipientId = Objects.requireNonNull(recipientId);
    return share;
  }

  static FileShare link(String nodeId, String ownerId, SharePermission permission, String tokenHash,
      String tokenSealed, String passwordHash, Instant expiresAt, Instant now) {
    if (permission == SharePermission.READ_WRITE) {
      throw new IllegalArgumentException("Links are read or upload");
    }
    FileShare share = new FileShare(nodeId, ownerId, ShareKind.LINK, permission, now);
    share.tokenHash = Objects.requireNonNull(tokenHash);
    share.tokenSealed = Objects.requireNonNull(tokenSealed);
    share.passwordHash = passwordHash;
    share.expiresAt = expiresAt;
    return share;
  }

  public String id() {
    return id;
  }

  public String nodeId() {
    return nodeId;
  }

  public String ownerId() {
    return ownerId;
  }

  public ShareKind kind() {
    return kind;
  }

  public boolean isLink() {
    return kind == ShareKind.LINK;
  }

  public SharePermission permission() {
    return permission;
  }

  public String recipientId() {
    return recipientId;
  }

  String tokenSealed() {
    return tokenSealed;
  }

  String passwordHash() {
    return passwordHash;
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  public int passwordVersion() {
    return passwordVersion;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public boolean isExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public long downloadCount() {
    return downloadCount;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  void changePermission(SharePermission newPermission, Instant now) {
    this.permission = newPermission;
    this.updatedAt = now;
  }

  /** Sets, replaces or (with null) removes the password; every session unlocked before ends. */
  void changePassword(String newPasswordHash, Instant now) {
    this.passwordHash = newPasswordHash;
    this.passwordVersion++;
    this.updatedAt = now;
  }

  void changeExpiry(Instant newExpiresAt, Instant now) {
    this.expiresAt = newExpiresAt;
    this.updatedAt = now;
  }
}
