package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's TOTP second factor; the secret is encrypted at rest. Pending until confirmed with a first code. */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column(name = "secret", nullable = false)
  private String encryptedSecret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "last_step", nullable = false)
  private long lastStep;

  protected SecondFactor() {}

  SecondFactor(String userId, String encryptedSecret, Instant now) {
    this.userId = userId;
    this.encryptedSecret = encryptedSecret;
    this.createdAt = now;
    this.lastStep = -1;
  }

  public String userId() {
    return userId;
  }

  String encryptedSecret() {
    return encryptedSecret;
  }

  public boolean confirmed() {
    return confirmedAt != null;
  }

  long lastStep() {
    return lastStep;
  }

  /** Starts over with a new secret while not yet confirmed. */
  void replaceSecret(String newEncryptedSecret, Instant now) {
    if (confirmed()) {
      throw new IllegalStateException("A confirmed second factor cannot change its secret");
    }
    this.encryptedSecret = newEncryptedSecret;
    this.createdAt = now;
    this.lastStep = -1;
  }

  void confirm(long step, Instant now) {
    this.confirmedAt = now;
    this.lastStep = Math.max(lastStep, step);
  }
}
