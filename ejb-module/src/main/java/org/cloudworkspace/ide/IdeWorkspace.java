package org.cloudworkspace.ide;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user's IDE workspace: a container and its volume on the runner, with the limits it was given. */
@Entity
@Table(name = "ide_workspace")
public class IdeWorkspace {

  @Id private String id;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "owner_name", nullable = false)
  private String ownerName;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String template;

  @Column(nullable = false)
  private String image;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private WorkspaceStatus status;

  @Column(name = "status_detail")
  private String statusDetail;

  @Column(name = "memory_mb", nullable = false)
  private int memoryMb;

  @Column(nullable = false)
  private int cpus;

  @Column(name = "auto_stop_minutes")
  private Integer autoStopMinutes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "last_active_at", nullable = false)
  private Instant lastActiveAt;

  @Version private long version;

  protected IdeWorkspace() {}

  /** A new, stopped workspace. */
  public IdeWorkspace(
      String ownerId, String ownerName, String name, String template, String image, int memoryMb, int cpus,
      Integer autoStopMinutes, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.ownerId = Objects.requireNonNull(ownerId);
    this.ownerName = Objects.requireNonNull(ownerName);
    this.name = Objects.requireNonNull(name);
    this.template = Objects.requireNonNull(template);
    this.image = Objects.requireNonNull(image);
    this.memoryMb = memoryMb;
    this.cpus = cpus;
    this.autoStopMinutes = autoStopMinutes;
    this.status = WorkspaceStatus.STOPPED;
    this.createdAt = now;
    this.lastActiveAt = now;
  }

  /** Marks a start as begun with the limits in force now. */
  public void starting(String image, int memoryMb, int cpus, Instant now) {
    this.image = image;
    this.memoryMb = memoryMb;
    this.cpus = cpus;
    this.status = WorkspaceStatus.STARTING;
    this.statusDetail = null;
    this.lastActiveAt = now;
  }

  /** The runner reports the workspace ready. */
  public void running(Instant now) {
    if (status != WorkspaceStatus.RUNNING) {
      this.startedAt = now;
      this.lastActiveAt = now;
    }
    this.status = WorkspaceStatus.RUNNING;
    this.statusDetail = null;
  }

  /**
   * A process of the running workspace was killed for lack of memory (the workspace itself runs on): {@code detail}
   * says so until the next start.
   */
  public void processOutOfMemory(String detail) {
    if (status == WorkspaceStatus.RUNNING) {
      this.statusDetail = detail;
    }
  }

  /** Back to the status (and its detail) recorded before a stop that failed. */
  void restore(WorkspaceStatus previous, String previousDetail) {
    this.status = previous;
    this.statusDetail = previousDetail;
  }

  /**
   * A stop was asked for; {@code reason} says why when nobody asked (e.g. idle), else null. It stays the status's detail
   * through the stop, so that whichever path records the end of the stop (the caller, the runner's event,
   * reconciliation) keeps it.
   */
  public void stopping(String reason) {
    this.status = WorkspaceStatus.STOPPING;
    this.statusDetail = reason;
  }

  /** The workspace is stopped; {@code detail} says why when it did not stop on request (e.g. idle), else null. */
  public void stopped(String detail) {
    this.status = WorkspaceStatus.STOPPED;
    this.statusDetail = detail;
  }

  /** Starting failed, or the workspace ended by itself (crash, out of memory): {@code detail} says why. */
  public void failed(String detail) {
    this.status = WorkspaceStatus.FAILED;
    this.statusDetail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000));
  }

  /** Terminal or editor traffic happened at {@code when}. */
  public void activeAt(Instant when) {
    if (when.isAfter(lastActiveAt)) {
      lastActiveAt = when;
    }
  }

  /** When the workspace stops for idleness, given the default timeout; empty when it is not running. */
  public java.util.Optional<Instant> idleStopAt(int defaultMinutes) {
    if (status != WorkspaceStatus.RUNNING) {
      return java.util.Optional.empty();
    }
    int minutes = autoStopMinutes == null ? defaultMinutes : Math.min(autoStopMinutes, defaultMinutes);
    return java.util.Optional.of(lastActiveAt.plus(Duration.ofMinutes(minutes)));
  }

  public boolean ownedBy(String userId) {
    return ownerId.equals(userId);
  }

  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public String ownerName() {
    return ownerName;
  }

  public String name() {
    return name;
  }

  public String template() {
    return template;
  }

  public String image() {
    return image;
  }

  public WorkspaceStatus status() {
    return status;
  }

  /** The row's version: it changes with every status change (not with noted traffic). */
  public long version() {
    return version;
  }

  public String statusDetail() {
    return statusDetail;
  }

  public int memoryMb() {
    return memoryMb;
  }

  public int cpus() {
    return cpus;
  }

  public Integer autoStopMinutes() {
    return autoStopMinutes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant lastActiveAt() {
    return lastActiveAt;
  }
}
