package org.cloudworkspace.runner.docker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.cloudworkspace.runner.common.RunnerProblem;

/**
 * File operations in a running workspace's folder, each a fixed shell script run as the workspace user with the paths
 * as positional arguments (never spliced into the script). The user's own permissions and the container's file system
 * bound what they can do, exactly as in a terminal.
 */
@ApplicationScoped
public class WorkspaceFiles {

  /** The largest file read or written through the API (the runner buffers it). */
  public static final int MAX_FILE_BYTES = 10 * 1024 * 1024 - 64 * 1024;

  /** The largest folder archive downloaded through the API. */
  public static final int MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

  private static final int NOT_A_FOLDER = 20;
  private static final int NOT_FOUND = 21;
  private static final int EXISTS = 22;
  private static final int CHANGED = 23;
  private static final int SHORT_WRITE = 24;
  private static final int IS_A_FOLDER = 25;

  private static final String LIST =
      """
      [ -e "$1" ] || exit 21
      [ -d "$1" ] || exit 20
      exec find "$1" -mindepth 1 -maxdepth 1 -printf '%y\\t%s\\t%T@\\t%f\\0'
      """;

  private static final String READ =
      """
      [ -e "$1" ] || exit 21
      [ ! -d "$1" ] || exit 25
      exec cat -- "$1"
      """;

  private static final String WRITE =
      """
      f="$1"; n="$2"; expected="$3"
      parent=$(dirname -- "$f")
      if [ ! -d "$parent" ]; then head -c "$n" >/dev/null; exit 21; fi
      if [ -d "$f" ]; then head -c "$n" >/dev/null; exit 25; fi
      if [ -n "$expected" ]; then
        if [ -e "$f" ]; then current=$(sha256sum -- "$f" | cut -c1-64); else current=absent; fi
        if [ "$current" != "$expected" ]; then head -c "$n" >/dev/null; printf '%s' "$current"; exit 23; fi
      fi
      tmp="$parent/.cw-write-$$"
      head -c "$n" >"$tmp" || { rm -f -- "$tmp"; exit 24; }
      [ "$(stat -c %s -- "$tmp")" = "$n" ] || { rm -f -- "$tmp"; exit 24; }
      mv -f -- "$tmp" "$f"
      """;

  private static final String MKDIR =
      """
      [ ! -e "$1" ] || exit 22
      [ -d "$(dirname -- "$1")" ] || exit 21
      exec mkdir -- "$1"
      """;

  private static final String MOVE =
      """
      [ -e "$1" ] || [ -L "$1" ] || exit 21
      [ ! -e "$2" ] || exit 22
      [ -d "$(dirname -- "$2")" ] || exit 21
      exec mv -T -- "$1" "$2"
      """;

  private static final String DELETE =
      """
      [ -e "$1" ] || [ -L "$1" ] || exit 21
      exec rm -rf -- "$1"
      """;

  private static final String ARCHIVE =
      """
      [ -e "$1" ] || exit 21
      [ -d "$1" ] || exit 20
      exec tar -C "$1" -cf - .
      """;

  @Inject WorkspaceContainers containers;

  @Inject WorkspaceCommands commands;

  /** The entries of a folder, folders first, then by name. */
  public List<FileEntry> list(String workspaceId, WorkspacePath folder) {
    CommandResult result = run(workspaceId, LIST, List.of(folder.absolute()), null, 16 * 1024 * 1024);
    check(result, folder);
    List<FileEntry> entries = new ArrayList<>();
    for (String record : result.stdoutText().split("\0")) {
      String[] parts = record.split("\t", 4);
      if (parts.length < 4) {
        continue;
      }
      String type =
          switch (parts[0]) {
            case "f" -> "file";
            case "d" -> "folder";
            case "l" -> "link";
            default -> "other";
          };
      long modified = (long) (Double.parseDouble(parts[2]) * 1000);
      String path = folder.isRoot() ? parts[3] : folder.relative() + "/" + parts[3];
      entries.add(new FileEntry(parts[3], path, type, type.equals("file") ? Long.parseLong(parts[1]) : 0, modified));
    }
    entries.sort(
        Comparator.comparing((FileEntry e) -> !e.type().equals("folder"))
            .thenComparing(e -> e.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(FileEntry::name));
    return entries;
  }

  /** A file's content (at most {@link #MAX_FILE_BYTES}). */
  public FileContent read(String workspaceId, WorkspacePath file) {
    requireNotRoot(file);
    CommandResult result = run(workspaceId, READ, List.of(file.absolute()), null, MAX_FILE_BYTES);
    check(result, file);
    if (result.truncated()) {
      throw new RunnerProblem(413, "Content Too Large", "The file is larger than 10 MB; download it as an archive.");
    }
    return new FileContent(file.relative(), result.stdout(), sha256(result.stdout()));
  }

  /**
   * Writes a file atomically (temporary file, then rename). With {@code expectedSha256} the file must still have
   * that content ({@code absent}: must not exist yet), otherwise 412 and nothing is written.
   */
  public FileContent write(String workspaceId, WorkspacePath file, byte[] content, String expectedSha256) {
    requireNotRoot(file);
    if (content.length > MAX_FILE_BYTES) {
      throw new RunnerProblem(413, "Content Too Large", "A file written through the API is at most 10 MB.");
    }
    String expected = expectedSha256 == null ? "" : expectedSha256;
    if (!expected.isEmpty() && !expected.equals("absent") && !expected.matches("[0-9a-f]{64}")) {
      throw RunnerProblem.badRequest("The expected version is a lowercase hex SHA-256 or 'absent'.");
    }
    CommandResult result =
        run(workspaceId, WRITE, List.of(file.absolute(), Integer.toString(content.length), expected), content, 128);
    if (result.exitCode() == CHANGED) {
      throw new RunnerProblem(
          412, "Precondition Failed", "The file changed since it was read (current version " + result.stdoutText() + ").");
    }
    check(result, file);
    return new FileContent(file.relative(), new byte[0], sha256(content));
  }

  /** Creates a folder whose parent exists. */
  public void mkdir(String workspaceId, WorkspacePath folder) {
    requireNotRoot(folder);
    check(run(workspaceId, MKDIR, List.of(folder.absolute()), null, 0), folder);
  }

  /** Renames or moves a file or folder; the target must not exist. */
  public void move(String workspaceId, WorkspacePath from, WorkspacePath to) {
    requireNotRoot(from);
    requireNotRoot(to);
    if (to.relative().startsWith(from.relative() + "/")) {
      throw RunnerProblem.badRequest("A folder cannot be moved into itself.");
    }
    check(run(workspaceId, MOVE, List.of(from.absolute(), to.absolute()), null, 0), from);
  }

  /** Deletes a file, or a folder with everything in it. */
  public void delete(String workspaceId, WorkspacePath path) {
    requireNotRoot(path);
    check(run(workspaceId, DELETE, List.of(path.absolute()), null, 0), path);
  }

  /** A tar archive of a folder (at most {@link #MAX_ARCHIVE_BYTES}). */
  public byte[] archive(String workspaceId, WorkspacePath folder) {
    CommandResult result = run(workspaceId, ARCHIVE, List.of(folder.absolute()), null, MAX_ARCHIVE_BYTES);
    check(result, folder);
    if (result.truncated()) {
      throw new RunnerProblem(413, "Content Too Large", "The folder is larger than 64 MB as an archive.");
    }
    return result.stdout();
  }

  private CommandResult run(String workspaceId, String script, List<String> args, byte[] stdin, int limit) {
    String container = containers.runningContainer(workspaceId);
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
    command.addAll(args);
    return commands.run(container, command, stdin, limit);
  }

  private static void check(CommandResult result, WorkspacePath path) {
    switch (result.exitCode()) {
      case 0 -> {}
      case NOT_FOUND -> throw RunnerProblem.notFound("There is no file or folder '" + path + "' in the workspace.");
      case NOT_A_FOLDER -> throw RunnerProblem.conflict("'" + path + "' is not a folder.");
      case IS_A_FOLDER -> throw RunnerProblem.conflict("'" + path + "' is a folder.");
      case EXISTS -> throw RunnerProblem.conflict("'" + path + "' exists already.");
      case SHORT_WRITE -> throw new RunnerProblem(507, "Insufficient Storage", "The file could not be written completely.");
      default -> {
        String reason = result.stderr().lines().findFirst().orElse("exit code " + result.exitCode());
        int colon = reason.lastIndexOf(": ");
        throw new RunnerProblem(
            422, "Operation Failed", "The operation failed: " + (colon >= 0 ? reason.substring(colon + 2) : reason));
      }
    }
  }

  private static void requireNotRoot(WorkspacePath path) {
    if (path.isRoot()) {
      throw RunnerProblem.badRequest("This operation needs a path inside the workspace folder.");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
