package org.cloudworkspace.ide;

import java.time.Instant;

/**
 * A workspace with what the runner said about it now.
 *
 * @param workspace the workspace (its status reconciled with the runner when it answered)
 * @param idleStopAt when it stops for idleness if nobody uses it, null when not running
 * @param resources its resource use when running and the runner answered, else null
 * @param runnerAvailable whether the runner answered
 */
public record WorkspaceDetails(
    IdeWorkspace workspace, Instant idleStopAt, WorkspaceRuntime.RuntimeResources resources, boolean runnerAvailable) {}
