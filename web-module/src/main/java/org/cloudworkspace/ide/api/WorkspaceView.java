package org.cloudworkspace.ide.api;

import java.time.Duration;
import java.time.Instant;
import org.cloudworkspace.ide.IdeWorkspace;
import org.cloudworkspace.ide.WorkspaceDetails;
import org.cloudworkspace.ide.WorkspaceRuntime;

/**
 * A workspace as the API shows it. {@code status} is {@code stopped}, {@code starting}, {@code running} (a terminal
 * can attach), {@code stopping} or {@code failed} ({@code statusDetail} says why); {@code idleStopAt} and
 * {@code idleSecondsLeft} tell when an unused running workspace stops.
 */
public record WorkspaceView(
    String id,
    String name,
    String owner,
    String template,
    String image,
    String status,
    String statusDetail,
    int memoryMb,
    int cpus,
    Integer autoStopMinutes,
    Instant createdAt,
    Instant startedAt,
    Instant lastActiveAt,
    Instant idleStopAt,
    Long idleSecondsLeft,
    ResourcesView resources,
    boolean runnerAvailable) {

  /** Resource use of a running workspace. */
  public record ResourcesView(long memoryBytes, long memoryLimitBytes, double cpuSeconds, long pids, long pidsLimit) {

    static ResourcesView from(WorkspaceRuntime.RuntimeResources r) {
      return r == null ? null : new ResourcesView(r.memoryBytes(), r.memoryLimitBytes(), r.cpuSeconds(), r.pids(),
          r.pidsLimit());
    }
  }

  public static WorkspaceView from(WorkspaceDetails details) {
    IdeWorkspace w = details.workspace();
    Instant stopAt = details.idleStopAt();
    Long left = stopAt == null ? null : Math.max(0, Duration.between(Instant.now(), stopAt).toSeconds());
    return new WorkspaceView(w.id(), w.name(), w.ownerName(), w.template(), w.image(), w.status().code(),
        w.statusDetail(), w.memoryMb(), w.cpus(), w.autoStopMinutes(), w.createdAt(), w.startedAt(),
        w.lastActiveAt(), stopAt, left, ResourcesView.from(details.resources()), details.runnerAvailable());
  }

  /** A workspace just changed by the caller (no fresh look at the runner). */
  public static WorkspaceView of(IdeWorkspace w) {
    return from(new WorkspaceDetails(w, null, null, true));
  }
}
