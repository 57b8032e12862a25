package org.cloudworkspace.ide;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.settings.SettingsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the recorded workspaces true to the runner and stops idle ones. Shortly after start-up, and then every
 * {@code IDE_SWEEP_SECONDS} (default 30): writes noted terminal/editor traffic, stops running workspaces idle longer
 * than their timeout, reconciles every workspace not recorded as stopped with what the runner reports (a crash or an
 * out-of-memory kill shows as failed with the reason), and purges expired terminal tickets.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdeHousekeeping {

  private static final Logger LOG = Logger.getLogger(IdeHousekeeping.class.getName());

  @Resource TimerService timers;

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject WorkspaceRuntime runtime;

  @Inject WorkspaceStates states;

  @Inject IdeActivity activity;

  @Inject SettingsService settings;

  @Inject IdeService ide;

  @Inject
  @ConfigProperty(name = "IDE_SWEEP_SECONDS", defaultValue = "30")
  int sweepSeconds;

  private boolean runnerWasDown;

  @PostConstruct
  void schedule() {
    long interval = Math.max(1, sweepSeconds) * 1000L;
    timers.createIntervalTimer(3000, interval, new TimerConfig("ide-sweep", false));
  }

  @Timeout
  void sweep() {
    try {
      Map<String, Instant> traffic = activity.drain();
      if (!traffic.isEmpty()) {
        states.recordActivity(traffic);
      }
      stopIdle();
      reconcile();
      ide.purgeTickets();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The IDE sweep failed", e);
    }
  }

  private void stopIdle() {
    int defaultMinutes = settings.ideIdleTimeoutMinutes();
    Instant now = Instant.now();
    List<IdeWorkspace> running =
        em.createQuery("SELECT w FROM IdeWorkspace w WHERE w.status = :s", IdeWorkspace.class)
            .setParameter("s", WorkspaceStatus.RUNNING)
            .getResultList();
    for (IdeWorkspace workspace : running) {
      Instant stopAt = workspace.idleStopAt(defaultMinutes).orElse(null);
      if (stopAt != null && stopAt.isBefore(now)) {
        int minutes =
            workspace.autoStopMinutes() == null
                ? defaultMinutes
                : Math.min(workspace.autoStopMinutes(), defaultMinutes);
        states.markStopping(workspace.id(), WorkspaceStates.idleReason(minutes));
        try {
          runtime.stop(workspace.id());
        } catch (DomainException e) {
          // Running as before; the next sweep tries again.
          states.restoreStatus(workspace.id(), WorkspaceStatus.RUNNING, workspace.statusDetail());
          LOG.log(Level.WARNING, "Could not stop idle workspace {0}: {1}", new Object[] {workspace.id(), e.getMessage()});
          continue;
        }
        states.markIdleStopped(workspace.id(), minutes);
        LOG.log(Level.INFO, "Stopped idle IDE workspace {0}", workspace.id());
      }
    }
  }

  /**
   * Every workspace not recorded as stopped, and every one recorded as stopped whose container the runner reports
   * running (started behind the app's back, or a stop the app never saw finish), is brought in line with the runner.
   */
  private void reconcile() {
    Map<String, WorkspaceRuntime.RuntimeState> reported = new HashMap<>();
    try {
      for (WorkspaceRuntime.RuntimeState state : runtime.list()) {
        reported.put(state.workspaceId(), state);
      }
      if (runnerWasDown) {
        LOG.info("The IDE runner is reachable again");
        runnerWasDown = false;
      }
    } catch (DomainException e) {
      runnerWasDown = true;
      return;
    }
    List<IdeWorkspace> active =
        new ArrayList<>(
            em.createQuery("SELECT w FROM IdeWorkspace w WHERE w.status <> :s", IdeWorkspace.class)
                .setParameter("s", WorkspaceStatus.STOPPED)
                .getResultList());
    List<String> runningIds =
        reported.values().stream().filter(WorkspaceRuntime.RuntimeState::running).map(
            WorkspaceRuntime.RuntimeState::workspaceId).toList();
    for (List<String> chunk : chunks(runningIds)) {
      active.addAll(
          em.createQuery("SELECT w FROM IdeWorkspace w WHERE w.status = :s AND w.id IN :ids", IdeWorkspace.class)
              .setParameter("s", WorkspaceStatus.STOPPED)
              .setParameter("ids", chunk)
              .getResultList());
    }
    // The rows were read after the runner's list: a start or stop that completed in between makes the list stale for
    // that row. So a change the list suggests is checked against the runner's state read now, after the row; and the
    // change is made only if the row is still at the version read (else the next sweep looks again).
    for (IdeWorkspace workspace : active) {
      long seenVersion = workspace.version();
      boolean inFlight = WorkspaceStarter.inFlight(workspace.id());
      WorkspaceRuntime.RuntimeState listed = reported.get(workspace.id());
      if (listed == null) {
        listed = new WorkspaceRuntime.RuntimeState(workspace.id(), null, "missing", null, false, null);
      }
      // Detached rows (no transaction here): applying the rule only tells whether it would change anything.
      if (!WorkspaceStates.apply(workspace, listed, inFlight)) {
        continue;
      }
      WorkspaceRuntime.RuntimeState state;
      try {
        state = runtime.state(workspace.id());
      } catch (DomainException e) {
        continue;
      }
      states.reconcile(workspace.id(), seenVersion, state, inFlight);
    }
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return chunks;
  }
}
