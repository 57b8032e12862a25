package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refresh token of a session, stored only as the SHA-256 of its value; used at most once. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "session_id", nullable = false)
  private String sessionId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, String sessionId, Instant issuedAt) {
    this.tokenHash = tokenHash;
    this.sessionId = sessionId;
    this.issuedAt = issuedAt;
  }

  public String sessionId() {
    return sessionId;
  }

  public Instant usedAt() {
    return usedAt;
  }
}
