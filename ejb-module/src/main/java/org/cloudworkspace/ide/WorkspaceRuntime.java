package org.cloudworkspace.ide;

import java.util.List;

/**
 * The port to where workspace containers run (the runner). Every method either does what it says or throws
 * {@link RunnerUnavailableException} (runner unreachable) or {@link WorkspaceRuntimeException} (the runner refused,
 * with its reason).
 */
public interface WorkspaceRuntime {

  /** Creates what is missing and starts the workspace; returns once a terminal can attach. */
  RuntimeState start(RuntimeSpec spec);

  RuntimeState stop(String workspaceId);

  /** Removes the container and the volume with the workspace's files. */
  void remove(String workspaceId);

  RuntimeState state(String workspaceId);

  /** Every workspace container the runner's engine has. */
  List<RuntimeState> list();

  RuntimeResources resources(String workspaceId);

  List<WorkspaceFileEntry> listFolder(String workspaceId, String path);

  WorkspaceFile read(String workspaceId, String path);

  /** Writes a file; {@code expectedSha256} (or {@code absent}, or null for no check) guards against lost updates. */
  String write(String workspaceId, String path, byte[] content, String expectedSha256);

  void mkdir(String workspaceId, String path);

  void move(String workspaceId, String from, String to);

  void delete(String workspaceId, String path);

  /** A tar archive of a folder. */
  byte[] archive(String workspaceId, String path);

  List<TerminalView> terminals(String workspaceId);

  TerminalView openTerminal(String workspaceId, int cols, int rows);

  void closeTerminal(String workspaceId, String terminalId);

  /** Attaches to a terminal's stream; the listener gets output (the kept output first), events and the end. */
  TerminalConnection attach(String workspaceId, String terminalId, TerminalListener listener);

  /**
   * What to start.
   *
   * @param workspaceId the workspace
   * @param owner the owner's username
   * @param template the template name
   * @param image the image the template resolved to
   * @param memoryMb memory limit
   * @param cpus CPU limit
   */
  record RuntimeSpec(String workspaceId, String owner, String template, String image, int memoryMb, int cpus) {}

  /**
   * What the runner reports about a workspace's container.
   *
   * @param workspaceId the workspace
   * @param owner owner label (null when missing)
   * @param state {@code running}, {@code stopped} or {@code missing}
   * @param exitCode exit code of the main process when stopped
   * @param oomKilled whether it was killed for running out of memory
   * @param error the engine's error of the last start
   */
  record RuntimeState(
      String workspaceId, String owner, String state, Long exitCode, boolean oomKilled, String error) {

    public boolean running() {
      return "running".equals(state);
    }
  }

  /** Resource use of a running workspace. */
  record RuntimeResources(long memoryBytes, long memoryLimitBytes, double cpuSeconds, long pids, long pidsLimit) {}

  /** One entry of a folder in a workspace. */
  record WorkspaceFileEntry(String name, String path, String type, long size, long modified) {}

  /** A file's content and the SHA-256 identifying this version. */
  record WorkspaceFile(byte[] bytes, String sha256) {}

  /** A terminal of a workspace. */
  record TerminalView(String id, String createdAt, int cols, int rows, Integer exitCode, int clients) {}

  /** The app's side of an attached terminal stream. */
  interface TerminalConnection {

    /** Sends a control message ({@code {"type":"input"|"resize",...}}) to the terminal. */
    void send(String json);

    void close();
  }

  /** Receives what an attached terminal sends. Calls come one at a time. */
  interface TerminalListener {

    void output(java.nio.ByteBuffer bytes);

    /** A JSON event such as {@code {"type":"exit","code":0}}. */
    void event(String json);

    /** The stream ended (the shell exited, the runner closed it, or it failed). */
    void closed(int code, String reason);
  }
}
