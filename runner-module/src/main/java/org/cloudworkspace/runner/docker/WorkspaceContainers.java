package org.cloudworkspace.runner.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.RestartPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.runner.common.RunnerProblem;

/**
 * Creates, starts, stops and removes workspace containers, one per workspace, each with a persistent volume mounted at
 * {@value WorkspacePolicy#WORKSPACE_DIR}. Every container gets the same hardening, whatever the caller asks: all
 * capabilities dropped, no new privileges, the engine's default seccomp profile, a non-root user, pids, memory and CPU
 * limits, no privileged mode, no host namespaces and no bind mounts (so never the Docker socket).
 */
@ApplicationScoped
public class WorkspaceContainers {

  private static final Logger LOG = Logger.getLogger(WorkspaceContainers.class.getName());
  private static final String PREFIX = "cw-ws-";

  @Inject DockerEngine engine;

  @Inject WorkspacePolicy policy;

  @Inject WorkspaceEvents events;

  /** One lock per workspace so that concurrent start/stop/remove calls for it do not interleave. */
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /** The container's name for a workspace. */
  public static String containerName(String workspaceId) {
    return PREFIX + workspaceId;
  }

  /** The volume's name for a workspace. */
  public static String volumeName(String workspaceId) {
    return PREFIX + workspaceId + "-home";
  }

  /**
   * Makes sure the workspace's volume and container exist with the current settings (a container made with other
   * settings is replaced; the volume is kept), starts it, and returns once a terminal can attach: the engine answers
   * the start only after the container's init process runs, and from then on {@code docker exec} works, so readiness
   * is the start call itself plus one inspect that catches a container which ended at once. No probe command and no
   * polling: each costs a full exec round trip (about a fifth of a start on a busy machine).
   */
  public WorkspaceState start(WorkspaceSpec requested) {
    WorkspaceSpec spec = requested.checked(policy);
    synchronized (lock(spec.workspaceId())) {
      String name = containerName(spec.workspaceId());
      String digest = digest(spec);
      Optional<InspectContainerResponse> existing = inspect(name);
      if (existing.isPresent()) {
        Map<String, String> labels = existing.get().getConfig().getLabels();
        if (!spec.owner().equals(labels.get(WorkspacePolicy.OWNER_LABEL))) {
          throw RunnerProblem.conflict("The workspace belongs to another owner.");
        }
        if (!digest.equals(labels.get(WorkspacePolicy.SPEC_LABEL))) {
          LOG.log(Level.INFO, "Recreating {0}: its settings changed", name);
          requireImage(spec.image());
          engine.call(d -> d.removeContainerCmd(name).withForce(true).exec());
          existing = Optional.empty();
        }
      }
      if (existing.isEmpty()) {
        requireImage(spec.image());
        create(spec, digest);
      }
      events.started(spec.workspaceId());
      try {
        engine.call(d -> d.startContainerCmd(name).exec());
      } catch (NotModifiedException e) {
        // Already running.
      } catch (NotFoundException e) {
        // The image went away under an existing container.
        throw imageMissing(spec.image());
      }
      WorkspaceState state = state(spec.workspaceId());
      if (!state.running()) {
        throw RunnerProblem.conflict(
            "The workspace stopped right after starting"
                + (state.error() == null ? "" : ": " + state.error())
                + (state.exitCode() == null ? "." : " (exit code " + state.exitCode() + ")."));
      }
      return state;
    }
  }

  /** Stops the workspace's container (its processes get 5 s to end); nothing happens when it is not running. */
  public WorkspaceState stop(String workspaceId) {
    WorkspaceSpec.checkId(workspaceId);
    synchronized (lock(workspaceId)) {
      try {
        engine.call(d -> d.stopContainerCmd(containerName(workspaceId)).withTimeout(5).exec());
      } catch (NotModifiedException | NotFoundException e) {
        // Not running, or not there: stopped either way.
      }
      return state(workspaceId);
    }
  }

  /** Removes the container and the volume with the workspace's files; nothing happens when they do not exist. */
  public void remove(String workspaceId) {
    WorkspaceSpec.checkId(workspaceId);
    synchronized (lock(workspaceId)) {
      try {
        engine.call(d -> d.removeContainerCmd(containerName(workspaceId)).withForce(true).withRemoveVolumes(true).exec());
      } catch (NotFoundException e) {
        // No container.
      }
      try {
        engine.call(d -> d.removeVolumeCmd(volumeName(workspaceId)).exec());
      } catch (NotFoundException e) {
        // No volume.
      } catch (ConflictException e) {
        throw RunnerProblem.conflict("The workspace's volume is still in use.");
      }
      locks.remove(workspaceId);
    }
  }

  /** What the engine says about the workspace's container. */
  public WorkspaceState state(String workspaceId) {
    WorkspaceSpec.checkId(workspaceId);
    return inspect(containerName(workspaceId))
        .map(c -> toState(workspaceId, c))
        .orElseGet(() -> WorkspaceState.missing(workspaceId));
  }

  /** The running container's name, or 409 when the workspace is not running. */
  public String runningContainer(String workspaceId) {
    WorkspaceState state = state(workspaceId);
    if (!state.running()) {
      throw RunnerProblem.conflict("The workspace is not running; start it first.");
    }
    return containerName(workspaceId);
  }

  /** Every workspace container on the engine, whatever its state (for reconciliation). */
  public List<WorkspaceState> list() {
    List<Container> containers =
        engine.call(
            d ->
                d.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(List.of(WorkspacePolicy.WORKSPACE_LABEL))
                    .exec());
    return containers.stream()
        .map(
            c -> {
              Map<String, String> labels = c.getLabels();
              return new WorkspaceState(
                  labels.get(WorkspacePolicy.WORKSPACE_LABEL),
                  labels.get(WorkspacePolicy.OWNER_LABEL),
                  labels.get(WorkspacePolicy.TEMPLATE_LABEL),
                  c.getImage(),
                  "running".equals(c.getState()) ? "running" : "stopped",
                  null,
                  events.outOfMemorySinceStart(labels.get(WorkspacePolicy.WORKSPACE_LABEL)).isPresent(),
                  null,
                  null,
                  null);
            })
        .toList();
  }

  /** One sample of the running workspace's resource use. */
  public WorkspaceResources resources(String workspaceId) {
    String name = runningContainer(workspaceId);
    byte[] json = engine.rawGet("/containers/" + name + "/stats?stream=false&one-shot=true");
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      JsonObject stats = reader.readObject();
      JsonObject memory = object(stats, "memory_stats");
      long usage = number(memory, "usage");
      JsonObject memoryDetails = object(memory, "stats");
      long cache = number(memoryDetails, "total_inactive_file");
      if (cache == 0) {
        cache = number(memoryDetails, "inactive_file");
      }
      long cpuNanos = number(object(object(stats, "cpu_stats"), "cpu_usage"), "total_usage");
      long pids = number(object(stats, "pids_stats"), "current");
      return new WorkspaceResources(
          Math.max(0, usage - cache), number(memory, "limit"), cpuNanos / 1e9, pids, policy.pidsLimit());
    }
  }

  private void create(WorkspaceSpec spec, String digest) {
    String name = containerName(spec.workspaceId());
    Map<String, String> labels =
        Map.of(
            WorkspacePolicy.WORKSPACE_LABEL, spec.workspaceId(),
            WorkspacePolicy.OWNER_LABEL, spec.owner(),
            WorkspacePolicy.TEMPLATE_LABEL, spec.template(),
            WorkspacePolicy.SPEC_LABEL, digest);
    String volume = volumeName(spec.workspaceId());
    try {
      engine.call(
          d ->
              d.createVolumeCmd()
                  .withName(volume)
                  .withLabels(
                      Map.of(
                          WorkspacePolicy.WORKSPACE_LABEL, spec.workspaceId(),
                          WorkspacePolicy.OWNER_LABEL, spec.owner()))
                  .exec());
    } catch (ConflictException e) {
      // The volume exists already: the workspace's files from an earlier start.
    }
    long memoryBytes = spec.memoryMb() * 1024 * 1024;
    HostConfig host =
        HostConfig.newHostConfig()
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withPrivileged(false)
            .withPidsLimit(policy.pidsLimit())
            .withMemory(memoryBytes)
            .withMemorySwap(memoryBytes)
            .withNanoCPUs(spec.cpus() * 1_000_000_000L)
            .withInit(true)
            .withNetworkMode(networkFor(spec.owner()))
            .withRestartPolicy(RestartPolicy.noRestart())
            .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=256m"))
            .withMounts(
                List.of(
                    new Mount()
                        .withType(MountType.VOLUME)
                        .withSource(volume)
                        .withTarget(WorkspacePolicy.WORKSPACE_DIR)));
    try {
      engine.call(
          d ->
              d.createContainerCmd(spec.image())
                  .withName(name)
                  .withHostName("workspace")
                  .withUser(policy.user())
                  .withWorkingDir(WorkspacePolicy.WORKSPACE_DIR)
                  .withEnv("HOME=" + WorkspacePolicy.WORKSPACE_DIR, "LANG=C.UTF-8", "TERM=xterm-256color")
                  .withCmd("/bin/sleep", "infinity")
                  .withLabels(labels)
                  .withHostConfig(host)
                  .exec());
    } catch (NotFoundException e) {
      throw imageMissing(spec.image());
    }
  }

  private String networkFor(String owner) {
    if (!"per-user".equals(policy.network())) {
      return "none";
    }
    String network = "cw-user-" + owner.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    boolean exists =
        !engine.call(d -> d.listNetworksCmd().withNameFilter(network).exec()).stream()
            .filter(n -> network.equals(n.getName()))
            .toList()
            .isEmpty();
    if (!exists) {
      try {
        engine.call(
            d ->
                d.createNetworkCmd()
                    .withName(network)
                    .withDriver("bridge")
                    .withLabels(Map.of(WorkspacePolicy.OWNER_LABEL, owner))
                    .exec());
      } catch (ConflictException e) {
        // Created meanwhile by another start.
      }
    }
    return network;
  }

  private void requireImage(String image) {
    try {
      engine.call(d -> d.inspectImageCmd(image).exec());
    } catch (NotFoundException e) {
      throw imageMissing(image);
    }
  }

  private static RunnerProblem imageMissing(String image) {
    return new RunnerProblem(
        422, "Image Missing", "The image " + image + " is not on the runner's Docker engine (the runner never pulls).");
  }

  private Optional<InspectContainerResponse> inspect(String name) {
    try {
      return Optional.of(engine.call(d -> d.inspectContainerCmd(name).exec()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private WorkspaceState toState(String workspaceId, InspectContainerResponse c) {
    Map<String, String> labels = c.getConfig().getLabels();
    InspectContainerResponse.ContainerState s = c.getState();
    boolean running = Boolean.TRUE.equals(s.getRunning());
    String error = s.getError() == null || s.getError().isBlank() ? null : s.getError();
    String finished = s.getFinishedAt() == null || s.getFinishedAt().startsWith("0001-") ? null : s.getFinishedAt();
    String started = s.getStartedAt() == null || s.getStartedAt().startsWith("0001-") ? null : s.getStartedAt();
    return new WorkspaceState(
        workspaceId,
        labels.get(WorkspacePolicy.OWNER_LABEL),
        labels.get(WorkspacePolicy.TEMPLATE_LABEL),
        c.getConfig().getImage(),
        running ? "running" : "stopped",
        running ? null : s.getExitCodeLong(),
        outOfMemory(workspaceId, running, s),
        error,
        started,
        running ? null : finished);
  }

  /**
   * Whether the workspace, or a process of it since its last start, was killed for lack of memory. The engine's
   * {@code State.OOMKilled} is believed only for a container that ended by SIGKILL: Docker 20.10 sets it for any OOM
   * kill in the container and keeps it across stops and starts.
   */
  private boolean outOfMemory(String workspaceId, boolean running, InspectContainerResponse.ContainerState s) {
    if (events.outOfMemorySinceStart(workspaceId).isPresent()) {
      return true;
    }
    return !running && Boolean.TRUE.equals(s.getOOMKilled()) && Long.valueOf(137).equals(s.getExitCodeLong());
  }

  private String digest(WorkspaceSpec spec) {
    String canonical =
        String.join(
            "\n",
            spec.image(),
            Long.toString(spec.memoryMb()),
            Long.toString(spec.cpus()),
            Long.toString(policy.pidsLimit()),
            policy.network(),
            policy.user(),
            "hardening-1");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object lock(String workspaceId) {
    return locks.computeIfAbsent(workspaceId, k -> new Object());
  }

  private static JsonObject object(JsonObject parent, String name) {
    JsonValue value = parent == null ? null : parent.get(name);
    return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static long number(JsonObject parent, String name) {
    JsonValue value = parent.get(name);
    return value instanceof JsonNumber n ? n.longValue() : 0;
  }
}
