package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reconciliation rule between the recorded status and what the runner reports. */
class WorkspaceStatesTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final WorkspaceRuntime.RuntimeState EXITED =
      new WorkspaceRuntime.RuntimeState("w", "u", "exited", 0L, false, null);
  private static final WorkspaceRuntime.RuntimeState RUNNING =
      new WorkspaceRuntime.RuntimeState("w", "u", "running", null, false, null);
  private static final WorkspaceRuntime.RuntimeState MISSING =
      new WorkspaceRuntime.RuntimeState("w", "u", "missing", null, false, null);

  @Test
  void anIdleStopSeenEndingByReconciliationKeepsItsReason() {
    IdeWorkspace workspace = running();
    workspace.stopping(WorkspaceStates.idleReason(30));

    assertThat(WorkspaceStates.apply(workspace, EXITED, false)).isTrue();

    assertThat(workspace.status()).isEqualTo(WorkspaceStatus.STOPPED);
    assertThat(workspace.statusDetail()).isEqualTo("Stopped automatically after 30 idle minutes.");
  }

  @Test
  void aRequestedStopEndsWithoutADetail() {
    IdeWorkspace workspace = running();
    workspace.processOutOfMemory("A process ran out of memory.");
    workspace.stopping(null);

    WorkspaceStates.apply(workspace, EXITED, false);

    assertThat(workspace.status()).isEqualTo(WorkspaceStatus.STOPPED);
    assertThat(workspace.statusDetail()).isNull();
  }

  @Test
  void aStopInProgressIsLeftAloneWhileTheContainerStillRuns() {
    IdeWorkspace workspace = running();
    workspace.stopping(WorkspaceStates.idleReason(1));

    assertThat(WorkspaceStates.apply(workspace, RUNNING, false)).isFalse();

    assertThat(workspace.status()).isEqualTo(WorkspaceStatus.STOPPING);
    assertThat(workspace.statusDetail()).isEqualTo("Stopped automatically after 1 idle minute.");
  }

  @Test
  void aFailedStopPutsBackTheStatusAndItsDetail() {
    IdeWorkspace workspace = running();
    workspace.processOutOfMemory("A process ran out of memory.");
    workspace.stopping(WorkspaceStates.idleReason(5));

    workspace.restore(WorkspaceStatus.RUNNING, "A process ran out of memory.");

    assertThat(workspace.status()).isEqualTo(WorkspaceStatus.RUNNING);
    assertThat(workspace.statusDetail()).isEqualTo("A process ran out of memory.");
  }

  @Test
  void aRunningWorkspaceWhoseContainerWentAwayFailsWithTheReason() {
    IdeWorkspace workspace = running();

    assertThat(WorkspaceStates.apply(workspace, MISSING, false)).isTrue();

    assertThat(workspace.status()).isEqualTo(WorkspaceStatus.FAILED);
    assertThat(workspace.statusDetail()).contains("removed outside the IDE");
  }

  @Test
  void aStoppedWorkspaceFoundRunningIsRecordedRunning() {
    IdeWorkspace workspace = new IdeWorkspace("u", "ursula", "w", "default", "image", 512, 1, null, NOW);

    assertThat(WorkspaceStates.apply(workspace, RUNNING, false)).isTrue();

    assertThat(workspace.status()).isEqualTo(WorkspaceStatus.RUNNING);
  }

  private static IdeWorkspace running() {
    IdeWorkspace workspace = new IdeWorkspace("u", "ursula", "w", "default", "image", 512, 1, 30, NOW);
    workspace.starting("image", 512, 1, NOW);
    workspace.running(NOW);
    return workspace;
  }
}
