package org.cloudworkspace.runner.docker;

import java.nio.charset.StandardCharsets;
import org.cloudworkspace.runner.common.RunnerProblem;

/**
 * A path inside the workspace folder, given relative to it ({@code src/main.c}; empty or {@code /} for the folder
 * itself). Refuses {@code .} and {@code ..} segments, backslashes, NUL and other control characters, and overlong
 * names, so a path can never leave the workspace folder lexically.
 */
public final class WorkspacePath {

  private static final int MAX_LENGTH = 4096;
  private static final int MAX_SEGMENT_BYTES = 255;

  private final String relative;

  private WorkspacePath(String relative) {
    this.relative = relative;
  }

  /** Parses a relative path from a request, or answers 400 saying what is wrong. */
  public static WorkspacePath of(String raw) {
    String value = raw == null ? "" : raw;
    if (value.length() > MAX_LENGTH) {
      throw RunnerProblem.badRequest("The path is longer than " + MAX_LENGTH + " characters.");
    }
    StringBuilder normal = new StringBuilder();
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw RunnerProblem.badRequest("The path may not contain '.' or '..' segments.");
      }
      if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
        throw RunnerProblem.badRequest("A name in the path is longer than " + MAX_SEGMENT_BYTES + " bytes.");
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c < 0x20 || c == 0x7f || c == '\\') {
          throw RunnerProblem.badRequest("The path may not contain backslashes or control characters.");
        }
      }
      if (normal.length() > 0) {
        normal.append('/');
      }
      normal.append(segment);
    }
    return new WorkspacePath(normal.toString());
  }

  /** Whether this is the workspace folder itself. */
  public boolean isRoot() {
    return relative.isEmpty();
  }

  /** The path relative to the workspace folder, without leading slash; empty for the folder itself. */
  public String relative() {
    return relative;
  }

  /** The last segment, or empty for the folder itself. */
  public String name() {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? relative : relative.substring(slash + 1);
  }

  /** The absolute path inside the container. */
  public String absolute() {
    return relative.isEmpty() ? WorkspacePolicy.WORKSPACE_DIR : WorkspacePolicy.WORKSPACE_DIR + "/" + relative;
  }

  @Override
  public String toString() {
    return relative;
  }
}
