package org.cloudworkspace.ide.api;

import org.cloudworkspace.ide.WorkspaceRuntime;

/** One entry of a workspace folder: {@code type} is {@code file}, {@code folder}, {@code link} or {@code other}. */
public record FileEntryView(String name, String path, String type, long size, long modified) {

  static FileEntryView from(WorkspaceRuntime.WorkspaceFileEntry e) {
    return new FileEntryView(e.name(), e.path(), e.type(), e.size(), e.modified());
  }
}
