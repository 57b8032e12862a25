package org.cloudworkspace.ide;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.ClientInfo;

/**
 * Status changes that must be committed on their own (from background starts, stops, sweeps and reconciliation), each
 * in a new transaction, and the reconciliation rule between what the app recorded and what the runner reports. Each
 * one locks the workspace's row, so that concurrent changes (a stop request, the sweep, a page reading the status)
 * wait for each other instead of failing on the row's version.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WorkspaceStates {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject IdeEvents events;

  /** The runner started the workspace; false when it was stopped or deleted meanwhile (the caller stops it again). */
  public boolean markRunning(String workspaceId) {
    // Locked: waits for the start request's own transaction, should the runner answer before that one committed.
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace == null || workspace.status() != WorkspaceStatus.STARTING) {
      return false;
    }
    workspace.running(Instant.now());
    events.publish(WorkspaceChange.of(workspace));
    return true;
  }

  /** Starting failed for the reason given. */
  public void markFailed(String workspaceId, String detail) {
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace != null && workspace.status() == WorkspaceStatus.STARTING) {
      workspace.failed(detail);
      events.publish(WorkspaceChange.of(workspace));
      audit.record(AuditType.IDE_WORKSPACE_START, AuditOutcome.FAILURE, workspace.ownerId(), workspace.ownerName(),
          workspace.id(), ClientInfo.system(), detail);
    }
  }

  /**
   * A stop begins: recorded (and committed) before the runner is asked, so that a reconciliation meanwhile does not
   * take the stopping container for a crash. {@code reason} is null for a stop someone asked for.
   */
  public void markStopping(String workspaceId, String reason) {
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace != null && workspace.status() != WorkspaceStatus.STOPPED) {
      workspace.stopping(reason);
      events.publish(WorkspaceChange.of(workspace));
    }
  }

  /**
   * The runner stopped the workspace on request. Left alone when it is no longer stopping: reconciliation recorded the
   * stop already, or a start followed.
   */
  public void markStopped(String workspaceId) {
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace != null && workspace.status() == WorkspaceStatus.STOPPING) {
      workspace.stopped(workspace.statusDetail());
      events.publish(WorkspaceChange.of(workspace));
    }
  }

  /** Puts back the status and detail a failed stop had replaced with STOPPING. */
  public void restoreStatus(String workspaceId, WorkspaceStatus status, String detail) {
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace != null && workspace.status() == WorkspaceStatus.STOPPING) {
      workspace.restore(status, detail);
      events.publish(WorkspaceChange.of(workspace));
    }
  }

  /** Why the idle sweep stops a workspace, the status's detail from the start of the stop. */
  static String idleReason(int minutes) {
    return "Stopped automatically after " + minutes + (minutes == 1 ? " idle minute." : " idle minutes.");
  }

  /**
   * Stopped by the idle sweep. The reason was recorded when the stop began (see {@link #markStopping}), so a page that
   * reconciles the status meanwhile, or the runner's "stopped" event, already shows it; this records the end and audits.
   */
  public void markIdleStopped(String workspaceId, int minutes) {
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    String reason = idleReason(minutes);
    if (workspace != null
        && (workspace.status() == WorkspaceStatus.STOPPING
            || (workspace.status() == WorkspaceStatus.STOPPED && reason.equals(workspace.statusDetail())))) {
      workspace.stopped(reason);
      events.publish(WorkspaceChange.of(workspace));
      audit.record(AuditType.IDE_WORKSPACE_STOP, AuditOutcome.SUCCESS, workspace.ownerId(), workspace.ownerName(),
          workspace.id(), ClientInfo.system(), "idle for " + minutes + " minutes");
    }
  }

  /** Writes noted traffic (never moves a time backwards). */
  public void recordActivity(Map<String, Instant> latest) {
    latest.forEach(
        (id, when) ->
            em.createQuery(
                    "UPDATE IdeWorkspace w SET w.lastActiveAt = :when WHERE w.id = :id AND w.lastActiveAt < :when")
                .setParameter("when", when)
                .setParameter("id", id)
                .executeUpdate());
  }

  /**
   * Brings the recorded status in line with what the runner reports and returns the workspace; {@code startInFlight}
   * says whether this instance is starting it right now (then STARTING is left alone). {@code seenVersion} is the
   * row's version the caller read before it asked the runner: when the row changed since (a start or stop committed
   * meanwhile), the runner's answer may predate that change, and the workspace is left for the next look.
   */
  public Optional<IdeWorkspace> reconcile(
      String workspaceId, long seenVersion, WorkspaceRuntime.RuntimeState state, boolean startInFlight) {
    IdeWorkspace workspace = em.find(IdeWorkspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace == null) {
      return Optional.empty();
    }
    if (workspace.version() == seenVersion && apply(workspace, state, startInFlight)) {
      events.publish(WorkspaceChange.of(workspace));
    }
    return Optional.of(workspace);
  }

  /**
   * The reconciliation rule, applied to the workspace given (to a detached one, it tells what reconciling would do);
   * true when it changed the status or its detail.
   */
  static boolean apply(IdeWorkspace workspace, WorkspaceRuntime.RuntimeState state, boolean startInFlight) {
    WorkspaceStatus before = workspace.status();
    String detailBefore = workspace.statusDetail();
    boolean running = state.running();
    switch (workspace.status()) {
      case RUNNING -> {
        if (!running) {
          workspace.failed(whyStopped(workspace, state));
        } else if (state.oomKilled()) {
          workspace.processOutOfMemory(
              "A process in the workspace ran out of memory (limit " + workspace.memoryMb() + " MB) and was killed;"
                  + " the workspace runs on. Restart it for a clean start, or ask an administrator for more memory.");
        }
      }
      case STARTING -> {
        if (!startInFlight) {
          if (running) {
            workspace.running(Instant.now());
          } else {
            workspace.failed("The start was interrupted (the app restarted); start the workspace again.");
          }
        }
      }
      case STOPPING -> {
        if (!running) {
          workspace.stopped(workspace.statusDetail());
        }
      }
      case STOPPED, FAILED -> {
        if (running) {
          workspace.running(Instant.now());
        }
      }
    }
    return workspace.status() != before || !java.util.Objects.equals(workspace.statusDetail(), detailBefore);
  }

  static String whyStopped(IdeWorkspace workspace, WorkspaceRuntime.RuntimeState state) {
    if ("missing".equals(state.state())) {
      return "The workspace's container was removed outside the IDE; start it again to recreate it (your files are"
          + " kept unless the volume was removed too).";
    }
    if (state.oomKilled()) {
      return "The workspace ran out of memory (limit " + workspace.memoryMb() + " MB) and was stopped; restart it.";
    }
    if (state.error() != null) {
      return "The workspace stopped: " + state.error();
    }
    return "The workspace stopped unexpectedly"
        + (state.exitCode() == null ? "" : " (exit code " + state.exitCode() + ")")
        + "; restart it.";
  }
}
