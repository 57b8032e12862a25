package org.cloudworkspace.runner.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloudworkspace.runner.common.RunnerProblem;

/**
 * Runs short commands inside a running workspace as the workspace user, in the workspace folder, without a TTY, and
 * collects their output. Arguments are passed as an argument vector, never through a shell line built from input.
 */
@ApplicationScoped
public class WorkspaceCommands {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int STDERR_LIMIT = 4096;

  @Inject DockerEngine engine;

  @Inject WorkspacePolicy policy;

  /**
   * Runs {@code command} with {@code stdin} (may be null) and returns its result; standard output beyond
   * {@code stdoutLimit} bytes is dropped and flagged.
   */
  public CommandResult run(String containerName, List<String> command, byte[] stdin, int stdoutLimit) {
    ExecCreateCmdResponse exec =
        engine.call(
            docker ->
                docker
                    .execCreateCmd(containerName)
                    .withUser(policy.user())
                    .withWorkingDir(WorkspacePolicy.WORKSPACE_DIR)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withAttachStdin(stdin != null)
                    .withCmd(command.toArray(String[]::new))
                    .exec());
    BoundedOutput out = new BoundedOutput(stdoutLimit);
    BoundedOutput err = new BoundedOutput(STDERR_LIMIT);
    ResultCallback.Adapter<Frame> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Frame frame) {
            switch (frame.getStreamType()) {
              case STDOUT, RAW -> out.write(frame.getPayload());
              case STDERR -> err.write(frame.getPayload());
              default -> {}
            }
          }
        };
    engine.call(
        docker -> {
          var start = docker.execStartCmd(exec.getId());
          if (stdin != null) {
            start.withStdIn(new ByteArrayInputStream(stdin));
          }
          return start.exec(callback);
        });
    try {
      if (!callback.awaitCompletion(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        callback.close();
        throw new RunnerProblem(504, "Gateway Timeout", "The command in the workspace did not finish in time.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunnerProblem(503, "Service Unavailable", "Interrupted while waiting for the workspace.");
    } catch (java.io.IOException e) {
      throw new RunnerProblem(503, "Service Unavailable", "Lost the connection to the workspace.");
    }
    return new CommandResult(exitCode(exec.getId()), out.bytes(), err.text(), out.truncated());
  }

  private int exitCode(String execId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      InspectExecResponse inspected = engine.call(docker -> docker.inspectExecCmd(execId).exec());
      if (!Boolean.TRUE.equals(inspected.isRunning()) && inspected.getExitCodeLong() != null) {
        return inspected.getExitCodeLong().intValue();
      }
      if (System.nanoTime() > deadline) {
        throw new RunnerProblem(504, "Gateway Timeout", "The command in the workspace did not report its exit.");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunnerProblem(503, "Service Unavailable", "Interrupted while waiting for the workspace.");
      }
    }
  }

  /** Collects bytes up to a limit and remembers whether more came. */
  private static final class BoundedOutput {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    BoundedOutput(int limit) {
      this.limit = limit;
    }

    synchronized void write(byte[] payload) {
      int room = limit - bytes.size();
      if (payload.length > room) {
        truncated = true;
      }
      bytes.write(payload, 0, Math.max(0, Math.min(room, payload.length)));
    }

    synchronized byte[] bytes() {
      return bytes.toByteArray();
    }

    synchronized boolean truncated() {
      return truncated;
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
