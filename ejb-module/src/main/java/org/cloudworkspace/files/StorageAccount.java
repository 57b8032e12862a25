package org.cloudworkspace.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's storage: the root folder, the quota (null: the workspace default) and the bytes in use, counting current
 * files, the trash and kept versions. Every change to a user's tree locks this row first, so changes of one user
 * happen one at a time and the usage is always exact.
 */
@Entity
@Table(name = "storage_account")
public class StorageAccount {

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column(name = "root_id", nullable = false)
  private String rootId;

  @Column(name = "quota_bytes")
  private Long quotaBytes;

  @Column(name = "used_bytes", nullable = false)
  private long usedBytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected StorageAccount() {}

  StorageAccount(String userId, String rootId, Instant now) {
    this.userId = userId;
    this.rootId = rootId;
    this.createdAt = now;
  }

  public String userId() {
    return userId;
  }

  public String rootId() {
    return rootId;
  }

  /** The quota set for this user only, if any. */
  public Long quotaOverride() {
    return quotaBytes;
  }

  public long usedBytes() {
    return usedBytes;
  }

  /** The quota that applies: this user's own, or the workspace default. */
  public long quota(long defaultQuota) {
    return quotaBytes != null ? quotaBytes : defaultQuota;
  }

  /** Bytes that may still be stored; 0 when the user is at or over the quota. */
  public long free(long defaultQuota) {
    return Math.max(0, quota(defaultQuota) - usedBytes);
  }

  /** Whether {@code bytes} more fit in the quota. */
  boolean fits(long bytes, long defaultQuota) {
    return bytes <= free(defaultQuota);
  }

  void charge(long bytes) {
    usedBytes += bytes;
  }

  void release(long bytes) {
    usedBytes = Math.max(0, usedBytes - bytes);
  }

  /** Sets this user's quota; null returns to the workspace default. */
  void changeQuota(Long newQuota) {
    if (newQuota != null && newQuota < 0) {
      throw new IllegalArgumentException("negative quota");
    }
    this.quotaBytes = newQuota;
  }
}
