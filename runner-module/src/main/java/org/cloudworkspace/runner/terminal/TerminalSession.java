package org.cloudworkspace.runner.terminal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One shell with a TTY in a workspace. Output goes to the ring and to every attached client; a client that attaches
 * first receives the ring's content (under the same lock, so no byte is lost or repeated between replay and live).
 */
public final class TerminalSession {

  private static final Logger LOG = Logger.getLogger(TerminalSession.class.getName());

  private final String id;
  private final String workspaceId;
  private final Instant createdAt = Instant.now();
  private final OutputRing ring = new OutputRing();
  private volatile TerminalInput stdin;
  private final List<TerminalClient> clients = new CopyOnWriteArrayList<>();
  private volatile String execId;
  private volatile int cols;
  private volatile int rows;
  private volatile Integer exitCode;

  TerminalSession(String id, String workspaceId, int cols, int rows) {
    this.id = id;
    this.workspaceId = workspaceId;
    this.cols = cols;
    this.rows = rows;
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  String execId() {
    return execId;
  }

  void execId(String execId) {
    this.execId = execId;
  }

  /** Connects the shell's standard input (once, right after the exec started). */
  void stdin(TerminalInput input) {
    this.stdin = input;
    if (exitCode != null) {
      input.close();
    }
  }

  /** Sends keystrokes (or pasted text) to the shell; ignored once it ended. */
  public void input(byte[] bytes) {
    TerminalInput input = stdin;
    if (exitCode == null && input != null) {
      input.send(bytes);
    }
  }

  /**
   * Attaches a client: it first gets the kept output (and the exit, when the shell has ended), then live output.
   */
  public synchronized void attach(TerminalClient client) {
    byte[] replay = ring.snapshot();
    if (replay.length > 0) {
      client.output(replay);
    }
    if (exitCode != null) {
      client.exited(exitCode);
      return;
    }
    clients.add(client);
  }

  public void detach(TerminalClient client) {
    clients.remove(client);
  }

  synchronized void output(byte[] bytes) {
    ring.append(bytes);
    for (TerminalClient client : clients) {
      try {
        client.output(bytes);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Dropping a terminal client that failed", e);
        clients.remove(client);
      }
    }
  }

  synchronized void ended(int code) {
    if (exitCode != null) {
      return;
    }
    exitCode = code;
    TerminalInput input = stdin;
    if (input != null) {
      input.close();
    }
    for (TerminalClient client : clients) {
      try {
        client.exited(code);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A terminal client failed on exit", e);
      }
    }
    clients.clear();
  }

  void size(int cols, int rows) {
    this.cols = cols;
    this.rows = rows;
  }

  public boolean ended() {
    return exitCode != null;
  }

  public TerminalInfo info() {
    return new TerminalInfo(id, workspaceId, createdAt.toString(), cols, rows, exitCode, clients.size());
  }
}
