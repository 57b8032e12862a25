package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sign-in of a user on one device: the family of its rotating refresh tokens. */
@Entity
@Table(name = "auth_session")
public class AuthSession {

  /** Why a session ended. */
  public enum EndReason {
    SIGN_OUT,
    REFRESH_REUSE,
    PASSWORD_CHANGE,
    ACCOUNT_DISABLED,
    ENDED_BY_USER,
    ENDED_BY_ADMIN
  }

  @Id private String id;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at", nullable = false)
  private Instant lastUsedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoke_reason")
  private String revokeReason;

  @Column(name = "user_agent")
  private String userAgent;

  @Column(name = "ip_address")
  private String address;

  protected AuthSession() {}

  AuthSession(String userId, Instant now, Instant expiresAt, String userAgent, String address) {
    this.id = UUID.randomUUID().toString();
    this.userId = userId;
    this.createdAt = now;
    this.lastUsedAt = now;
    this.expiresAt = expiresAt;
    this.userAgent = userAgent;
    this.address = address;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String userAgent() {
    return userAgent;
  }

  public String address() {
    return address;
  }

  /** Whether refresh tokens of this session may still be used at {@code now}. */
  public boolean activeAt(Instant now, java.time.Duration idleLimit) {
    return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleLimit));
  }

  void touch(Instant now, String address, String userAgent) {
    this.lastUsedAt = now;
    this.address = address;
    if (userAgent != null) {
      this.userAgent = userAgent;
    }
  }

  void end(EndReason reason, Instant now) {
    if (revokedAt == null) {
      this.revokedAt = now;
      this.revokeReason = reason.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
