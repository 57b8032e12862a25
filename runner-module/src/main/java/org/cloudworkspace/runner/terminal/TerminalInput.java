package org.cloudworkspace.runner.terminal;

/** Where a terminal's keystrokes go: the exec's standard input. */
interface TerminalInput {

  /** Sends bytes to the shell; ignored once closed. */
  void send(byte[] bytes);

  /** No more input (the shell ended or the terminal was closed). */
  void close();
}
