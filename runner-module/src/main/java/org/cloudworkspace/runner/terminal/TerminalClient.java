package org.cloudworkspace.runner.terminal;

/** A client attached to a terminal: receives its output and its end. Calls come from one thread at a time. */
public interface TerminalClient {

  /** Output bytes, in order. */
  void output(byte[] bytes);

  /** The shell ended with this exit code; no more output follows. */
  void exited(int exitCode);
}
