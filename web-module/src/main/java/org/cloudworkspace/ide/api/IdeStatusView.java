package org.cloudworkspace.ide.api;

import java.util.List;

/** Whether the IDE can work now, the templates to create workspaces from, and the limits in force. */
public record IdeStatusView(
    boolean runnerAvailable,
    String message,
    List<TemplateView> templates,
    int maxRunningWorkspaces,
    int memoryMb,
    int cpus,
    int idleTimeoutMinutes) {

  /** A template: its name and image. */
  public record TemplateView(String name, String image) {}
}
