package org.cloudworkspace.runner.terminal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.runner.common.RunnerProblem;
import org.cloudworkspace.runner.docker.DockerEngine;
import org.cloudworkspace.runner.docker.WorkspaceCommands;
import org.cloudworkspace.runner.docker.WorkspaceContainers;
import org.cloudworkspace.runner.docker.WorkspacePolicy;
import org.cloudworkspace.runner.docker.WorkspaceSpec;

/**
 * The terminals of all workspaces on this runner. A terminal is a login shell started with {@code docker exec} and a
 * TTY as the workspace user; it keeps running when its clients go, until it exits, is closed, or its workspace stops.
 */
@ApplicationScoped
public class Terminals {

  /** Most terminals one workspace may have open. */
  public static final int MAX_PER_WORKSPACE = 10;

  private static final Logger LOG = Logger.getLogger(Terminals.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject DockerEngine engine;

  @Inject WorkspaceContainers containers;

  @Inject WorkspacePolicy policy;

  @Inject WorkspaceCommands commands;

  private final Map<String, TerminalSession> sessions = new ConcurrentHashMap<>();

  /** Opens a new shell in a running workspace. */
  public TerminalSession open(String workspaceId, int cols, int rows) {
    WorkspaceSpec.checkId(workspaceId);
    checkSize(cols, rows);
    String container = containers.runningContainer(workspaceId);
    long open = sessions.values().stream().filter(s -> s.workspaceId().equals(workspaceId) && !s.ended()).count();
    if (open >= MAX_PER_WORKSPACE) {
      throw RunnerProblem.conflict("A workspace has at most " + MAX_PER_WORKSPACE + " terminals; close one first.");
    }
    String id = newId();
    TerminalSession session = new TerminalSession(id, workspaceId, cols, rows);
    ExecCreateCmdResponse exec =
        engine.call(
            d ->
                d.execCreateCmd(container)
                    .withUser(policy.user())
                    .withWorkingDir(WorkspacePolicy.WORKSPACE_DIR)
                    .withTty(true)
                    .withAttachStdin(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withEnv(List.of("TERM=xterm-256color", "HOME=" + WorkspacePolicy.WORKSPACE_DIR, "LANG=C.UTF-8"))
                    .withCmd("/bin/sh", "-c", "echo $$ > " + pidFile(id) + "; exec /bin/bash -l")
                    .exec());
    session.execId(exec.getId());
    sessions.put(id, session);
    try {
      attach(session, exec.getId());
    } catch (RuntimeException e) {
      sessions.remove(id);
      throw e;
    }
    resizeWhenRunning(session, cols, rows);
    return session;
  }

  /**
   * Starts the exec and connects its stream: straight over the engine's socket when it is reachable without TLS
   * ({@link ExecStream}), else through docker-java.
   */
  private void attach(TerminalSession session, String execId) {
    Optional<SocketAddress> plain = ExecStream.plainAddress(engine.host(), engine.usesTls());
    if (plain.isPresent()) {
      try {
        session.stdin(ExecStream.start(plain.get(), execId, session::output, () -> finish(session)));
        return;
      } catch (IOException e) {
        throw RunnerProblem.engineUnavailable("The terminal could not be attached: " + e.getMessage());
      }
    }
    StdinPipe pipe = new StdinPipe();
    session.stdin(pipe);
    engine.call(
        d ->
            d.execStartCmd(execId)
                .withTty(true)
                .withStdIn(pipe)
                .exec(
                    new ResultCallback.Adapter<Frame>() {
                      @Override
                      public void onNext(Frame frame) {
                        session.output(frame.getPayload());
                      }

                      @Override
                      public void onError(Throwable throwable) {
                        LOG.log(Level.FINE, "Terminal stream ended with an error", throwable);
                        finish(session);
                      }

                      @Override
                      public void onComplete() {
                        finish(session);
                      }
                    }));
  }

  /** The terminals of a workspace, oldest first. */
  public List<TerminalInfo> list(String workspaceId) {
    WorkspaceSpec.checkId(workspaceId);
    return sessions.values().stream()
        .filter(s -> s.workspaceId().equals(workspaceId))
        .map(TerminalSession::info)
        .sorted(java.util.Comparator.comparing(TerminalInfo::createdAt))
        .toList();
  }

  /** A terminal of the workspace, or 404. */
  public TerminalSession get(String workspaceId, String terminalId) {
    TerminalSession session = terminalId == null ? null : sessions.get(terminalId);
    if (session == null || !session.workspaceId().equals(workspaceId)) {
      throw RunnerProblem.notFound("There is no terminal " + terminalId + " in this workspace.");
    }
    return session;
  }

  /** Changes the terminal's size (the shell gets SIGWINCH). */
  public void resize(TerminalSession session, int cols, int rows) {
    checkSize(cols, rows);
    session.size(cols, rows);
    if (!session.ended()) {
      try {
        engine.call(d -> d.resizeExecCmd(session.execId()).withSize(rows, cols).exec());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Resizing a terminal failed", e);
      }
    }
  }

  /** Ends the shell (and its jobs) and forgets the terminal. */
  public void close(String workspaceId, String terminalId) {
    TerminalSession session = get(workspaceId, terminalId);
    if (!session.ended()) {
      try {
        String container = containers.runningContainer(workspaceId);
        commands.run(
            container,
            List.of("/bin/sh", "-c", "p=$(cat \"$1\") && kill -HUP -- -\"$p\" \"$p\"; rm -f -- \"$1\"", "sh", pidFile(terminalId)),
            null,
            0);
      } catch (RunnerProblem e) {
        // The workspace is not running: the shell is gone with it.
      }
      session.ended(129);
    }
    sessions.remove(terminalId);
  }

  /** Forgets every terminal of a workspace that stopped or was removed (their shells ended with it). */
  public void forgetWorkspace(String workspaceId) {
    Collection<TerminalSession> all = List.copyOf(sessions.values());
    for (TerminalSession session : all) {
      if (session.workspaceId().equals(workspaceId)) {
        session.ended(137);
        sessions.remove(session.id());
      }
    }
  }

  private void finish(TerminalSession session) {
    int code = 0;
    try {
      InspectExecResponse inspected = engine.call(d -> d.inspectExecCmd(session.execId()).exec());
      if (inspected.getExitCodeLong() != null) {
        code = inspected.getExitCodeLong().intValue();
      }
    } catch (RuntimeException e) {
      code = 137;
    }
    session.ended(code);
  }

  private void resizeWhenRunning(TerminalSession session, int cols, int rows) {
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        InspectExecResponse inspected = engine.call(d -> d.inspectExecCmd(session.execId()).exec());
        if (Boolean.TRUE.equals(inspected.isRunning())) {
          resize(session, cols, rows);
          return;
        }
        if (session.ended()) {
          return;
        }
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Waiting for a terminal to start failed", e);
        return;
      }
    }
  }

  private static void checkSize(int cols, int rows) {
    if (cols < 2 || cols > 1000 || rows < 2 || rows > 500) {
      throw RunnerProblem.badRequest("A terminal is 2 to 1000 columns wide and 2 to 500 rows high.");
    }
  }

  private static String pidFile(String terminalId) {
    return "/tmp/.cw-terminal-" + terminalId;
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('_', 'x').replace('-', 'y');
  }
}
