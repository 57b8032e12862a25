package org.cloudworkspace.runner.docker;

import java.nio.charset.StandardCharsets;

/**
 * The outcome of a command run to completion inside a workspace.
 *
 * @param exitCode the command's exit code
 * @param stdout what it wrote to standard output (bounded by the caller's limit)
 * @param stderr what it wrote to standard error (bounded)
 * @param truncated whether standard output was longer than the limit
 */
public record CommandResult(int exitCode, byte[] stdout, String stderr, boolean truncated) {

  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }
}
