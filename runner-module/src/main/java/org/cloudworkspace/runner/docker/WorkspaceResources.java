package org.cloudworkspace.runner.docker;

/**
 * Resource use of a running workspace, from one sample of the engine's statistics.
 *
 * @param memoryBytes memory in use (page cache excluded when the engine reports it)
 * @param memoryLimitBytes the memory limit
 * @param cpuSeconds CPU time used since the start
 * @param pids processes and threads
 * @param pidsLimit the process limit
 */
public record WorkspaceResources(
    long memoryBytes, long memoryLimitBytes, double cpuSeconds, long pids, long pidsLimit) {}
