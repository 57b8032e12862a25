package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A password a user created for one client, such as a WebDAV mount. Only the SHA-256 of the secret is kept: the
 * secret is long and random, so a slow hash would add nothing but time on every request.
 */
@Entity
@Table(name = "app_password")
public class AppPassword {

  /** How stale "last used" may get before a request writes it again (saves a write on every request). */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  @Id private String id;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(nullable = false)
  private String name;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "last_used_address")
  private String lastUsedAddress;

  protected AppPassword() {}

  AppPassword(String userId, String name, String secretHash, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.userId = Objects.requireNonNull(userId);
    this.name = Objects.requireNonNull(name);
    this.secretHash = Objects.requireNonNull(secretHash);
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public String lastUsedAddress() {
    return lastUsedAddress;
  }

  /** Notes a use; returns whether anything changed (at most once a minute per address). */
  boolean recordUse(Instant now, String address) {
    if (lastUsedAt != null && lastUsedAt.plus(LAST_USED_PRECISION).isAfter(now)
        && Objects.equals(address, lastUsedAddress)) {
      return false;
    }
    this.lastUsedAt = now;
    this.lastUsedAddress = address;
    return true;
  }
}
