package org.cloudworkspace.runner.terminal;

/**
 * What the API shows about a terminal.
 *
 * @param id the terminal's id
 * @param workspaceId its workspace
 * @param createdAt creation time (ISO-8601)
 * @param cols current width in columns
 * @param rows current height in rows
 * @param exitCode the shell's exit code once it ended, else null
 * @param clients how many clients are attached now
 */
public record TerminalInfo(
    String id, String workspaceId, String createdAt, int cols, int rows, Integer exitCode, int clients) {}
