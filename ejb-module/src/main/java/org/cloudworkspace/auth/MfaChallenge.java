package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The pending second step of a sign-in whose password was right: bound to the user, short-lived, stored as the
 * SHA-256 of its token and claimed at most once.
 */
@Entity
@Table(name = "mfa_challenge")
public class MfaChallenge {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected MfaChallenge() {}

  MfaChallenge(String tokenHash, String userId, Instant now, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String userId() {
    return userId;
  }

  boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }
}
