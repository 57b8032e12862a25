package org.cloudworkspace.runner.docker;

/**
 * What the engine says about one workspace's container.
 *
 * @param workspaceId the workspace
 * @param owner the owner label, null when there is no container
 * @param template the template label, null when there is no container
 * @param image the image the container was made from, null when there is none
 * @param state {@code running}, {@code stopped} (created or exited), or {@code missing} (no container)
 * @param exitCode the main process's exit code when stopped, else null
 * @param oomKilled whether the kernel killed it, or one of its processes since its last start, for lack of memory
 * @param error the engine's error text of the last start, else null
 * @param startedAt when it last started (ISO-8601), else null
 * @param finishedAt when it last stopped (ISO-8601), else null
 */
public record WorkspaceState(
    String workspaceId,
    String owner,
    String template,
    String image,
    String state,
    Long exitCode,
    boolean oomKilled,
    String error,
    String startedAt,
    String finishedAt) {

  /** There is no container for the workspace. */
  public static WorkspaceState missing(String workspaceId) {
    return new WorkspaceState(workspaceId, null, null, null, "missing", null, false, null, null, null);
  }

  public boolean running() {
    return "running".equals(state);
  }
}
