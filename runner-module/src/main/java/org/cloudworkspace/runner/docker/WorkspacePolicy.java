package org.cloudworkspace.runner.docker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container settings the runner decides alone, from its own configuration: the process limit, the upper bounds of
 * memory and CPUs a caller may ask for, the network mode, and the workspace user. Hardening that is not configurable
 * (no capabilities, no new privileges, no privileged mode, no host namespaces or bind mounts) is in
 * {@link WorkspaceContainers}.
 */
@ApplicationScoped
public class WorkspacePolicy {

  /** The folder where each workspace's volume is mounted, and the working directory of every command. */
  public static final String WORKSPACE_DIR = "/workspace";

  /** Label naming the workspace (its id in the app). */
  public static final String WORKSPACE_LABEL = "org.cloudworkspace.workspace";

  /** Label naming the owner (username). */
  public static final String OWNER_LABEL = "org.cloudworkspace.owner";

  /** Label naming the template the container was made from. */
  public static final String TEMPLATE_LABEL = "org.cloudworkspace.template";

  /** Label holding a digest of the settings the container was created with, to recreate it when they change. */
  public static final String SPEC_LABEL = "org.cloudworkspace.spec";

  @Inject
  @ConfigProperty(name = "RUNNER_PIDS_LIMIT", defaultValue = "512")
  long pidsLimit;

  @Inject
  @ConfigProperty(name = "RUNNER_MAX_MEMORY_MB", defaultValue = "65536")
  long maxMemoryMb;

  @Inject
  @ConfigProperty(name = "RUNNER_MAX_CPUS", defaultValue = "64")
  long maxCpus;

  @Inject
  @ConfigProperty(name = "RUNNER_WORKSPACE_NETWORK", defaultValue = "none")
  String network;

  @Inject
  @ConfigProperty(name = "RUNNER_WORKSPACE_USER", defaultValue = "1000:1000")
  String user;

  /** Most processes (threads included) one workspace may have. */
  public long pidsLimit() {
    return pidsLimit;
  }

  public long maxMemoryMb() {
    return maxMemoryMb;
  }

  public long maxCpus() {
    return maxCpus;
  }

  /**
   * The network mode of workspaces: {@code none} (no network at all, the default) or {@code per-user} (a bridge
   * network of the owner's own, so workspaces of different users cannot reach each other).
   */
  public String network() {
    return network;
  }

  /** The user (uid:gid) every workspace process runs as; never root. */
  public String user() {
    return user.startsWith("0:") || user.equals("0") || user.startsWith("root") ? "1000:1000" : user;
  }
}
