package org.cloudworkspace.ide;

import java.util.Locale;

/** Where a workspace is in its lifecycle, as the app knows it. */
public enum WorkspaceStatus {
  STOPPED,
  STARTING,
  RUNNING,
  STOPPING,
  FAILED;

  /** The name the API shows: {@code stopped}, {@code starting}, {@code running}, {@code stopping}, {@code failed}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the workspace counts against the per-user limit of running workspaces. */
  public boolean occupiesSlot() {
    return this == STARTING || this == RUNNING;
  }
}
