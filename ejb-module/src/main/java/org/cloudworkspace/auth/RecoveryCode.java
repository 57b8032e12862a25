package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recovery code of a user's second factor, stored only as SHA-256; usable once. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

  @Id
  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  RecoveryCode(String codeHash, String userId, Instant now) {
    this.codeHash = codeHash;
    this.userId = userId;
    this.createdAt = now;
  }
}
