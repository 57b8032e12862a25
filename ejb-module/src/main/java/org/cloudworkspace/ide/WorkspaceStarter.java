package org.cloudworkspace.ide;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.error.DomainException;

/**
 * Starts workspaces in the background (a start takes seconds), so the API answers at once with {@code starting} and
 * the browser follows the progress; the outcome is recorded by {@link WorkspaceStates}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorkspaceStarter {

  private static final Logger LOG = Logger.getLogger(WorkspaceStarter.class.getName());

  /** Workspaces this instance is starting now. */
  static final Set<String> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  @Inject WorkspaceRuntime runtime;

  @Inject WorkspaceStates states;

  /** Whether this instance is starting the workspace right now. */
  public static boolean inFlight(String workspaceId) {
    return IN_FLIGHT.contains(workspaceId);
  }

  /** Starts the workspace on the runner and records the outcome. */
  @Asynchronous
  public void start(WorkspaceRuntime.RuntimeSpec spec) {
    try {
      runtime.start(spec);
      if (!states.markRunning(spec.workspaceId())) {
        // Stopped or deleted while starting: do not leave it running.
        runtime.stop(spec.workspaceId());
      }
    } catch (RunnerUnavailableException e) {
      states.markFailed(spec.workspaceId(), e.getMessage());
    } catch (DomainException e) {
      states.markFailed(spec.workspaceId(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Starting workspace " + spec.workspaceId() + " failed", e);
      states.markFailed(spec.workspaceId(), "The workspace could not be started; an administrator can find out why in the log.");
    } finally {
      IN_FLIGHT.remove(spec.workspaceId());
    }
  }
}
