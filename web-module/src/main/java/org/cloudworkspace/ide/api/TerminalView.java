package org.cloudworkspace.ide.api;

import org.cloudworkspace.ide.WorkspaceRuntime;

/** A terminal of a workspace: its size, whether its shell ended ({@code exitCode}), and how many clients watch it. */
public record TerminalView(String id, String createdAt, int cols, int rows, Integer exitCode, int clients) {

  static TerminalView from(WorkspaceRuntime.TerminalView t) {
    return new TerminalView(t.id(), t.createdAt(), t.cols(), t.rows(), t.exitCode(), t.clients());
  }
}
