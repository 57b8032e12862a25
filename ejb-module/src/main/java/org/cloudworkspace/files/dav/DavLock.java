package org.cloudworkspace.files.dav;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A WebDAV write lock on a path of a user's tree: exclusive or shared, on the resource alone (depth 0) or on it and
 * everything below (infinity), until it expires or is unlocked.
 */
@Entity
@Table(name = "dav_lock")
public class DavLock {

  @Id private String token;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  /** The locked path from the user's root, like {@code /Documents/report.odt}; the root is {@code /}. */
  @Column(name = "root_path", nullable = false)
  private String rootPath;

  @Column(name = "exclusive_lock", nullable = false)
  private boolean exclusive;

  @Column(name = "depth_infinity", nullable = false)
  private boolean depthInfinity;

  /** The client's DAV:owner element content as XML, returned as given; may be null. */
  @Column(name = "owner_xml")
  private String ownerXml;

  @Column(name = "timeout_seconds", nullable = false)
  private long timeoutSeconds;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected DavLock() {}

  DavLock(String ownerId, String rootPath, boolean exclusive, boolean depthInfinity, String ownerXml,
      long timeoutSeconds, Instant now) {
    this.token = "urn:uuid:" + UUID.randomUUID();
    this.ownerId = Objects.requireNonNull(ownerId);
    this.rootPath = Objects.requireNonNull(rootPath);
    this.exclusive = exclusive;
    this.depthInfinity = depthInfinity;
    this.ownerXml = ownerXml;
    this.createdAt = now;
    refresh(timeoutSeconds, now);
  }

  public String token() {
    return token;
  }

  public String ownerId() {
    return ownerId;
  }

  public String rootPath() {
    return rootPath;
  }

  public boolean exclusive() {
    return exclusive;
  }

  public boolean depthInfinity() {
    return depthInfinity;
  }

  public String ownerXml() {
    return ownerXml;
  }

  public long timeoutSeconds() {
    return timeoutSeconds;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** Seconds left, at least 0. */
  public long secondsLeft(Instant now) {
    return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
  }

  /** Whether the lock applies to this path: it is the locked path or, for depth infinity, lies below it. */
  public boolean covers(String path) {
    return rootPath.equals(path) || depthInfinity && DavPaths.isInside(path, rootPath);
  }

  /** Whether this lock and a wanted lock on {@code path} with {@code infinity} depth would overlap. */
  boolean overlaps(String path, boolean infinity) {
    return covers(path) || infinity && DavPaths.isInside(rootPath, path);
  }

  void refresh(long seconds, Instant now) {
    this.timeoutSeconds = seconds;
    this.expiresAt = now.plusSeconds(seconds);
  }
}
