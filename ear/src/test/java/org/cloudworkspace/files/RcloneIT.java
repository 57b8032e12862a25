package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/**
 * A real desktop client, rclone (Debian package {@code rclone}), against the WebDAV endpoint with an app password, the
 * way a user sets it up from docs/api/webdav.md: it uploads a tree, checks it, moves, copies and deletes on the server,
 * syncs local changes up (the overwritten content becomes a version) and downloads everything intact.
 */
class RcloneIT {

  private static final Path RCLONE = Path.of("/usr/bin/rclone");

  @Test
  void rcloneUploadsSyncsMovesCopiesAndDownloadsATree() throws Exception {
    assertThat(RCLONE).as("rclone is installed (Debian package rclone, see .ci/run)").exists();
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    Path work = Files.createDirectories(Path.of("target", "rclone", UUID.randomUUID().toString()).toAbsolutePath());
    Rclone rclone = new Rclone(work, dav);

    Path local = Files.createDirectories(work.resolve("local"));
    byte[] big = new byte[5_000_000];
    new Random(11).nextBytes(big);
    write(local.resolve("a.txt"), "first".getBytes(StandardCharsets.UTF_8));
    write(local.resolve("empty.txt"), new byte[0]);
    write(local.resolve("sub/big.bin"), big);
    write(local.resolve("sub/deeper/notes.md"), "# deep".getBytes(StandardCharsets.UTF_8));
    write(local.resolve("Ünïcödé folder/naïve café #1.txt"), "accents".getBytes(StandardCharsets.UTF_8));

    rclone.run("copy", local.toString(), "ws:sync");
    rclone.run("check", local.toString(), "ws:sync");
    assertThat(rclone.run("lsf", "-R", "--files-only", "ws:sync").lines().sorted().toList())
        .containsExactly("a.txt", "empty.txt", "sub/big.bin", "sub/deeper/notes.md",
            "Ünïcödé folder/naïve café #1.txt");

    // Server-side operations: MOVE, COPY, MKCOL and a recursive DELETE.
    rclone.run("moveto", "ws:sync/sub/deeper/notes.md", "ws:sync/notes-moved.md");
    rclone.run("copyto", "ws:sync/sub/big.bin", "ws:sync/big-copy.bin");
    rclone.run("mkdir", "ws:sync/new folder");
    rclone.run("purge", "ws:sync/sub/deeper");
    assertThat(rclone.run("lsf", "-R", "ws:sync").lines().sorted().toList())
        .containsExactly("a.txt", "big-copy.bin", "empty.txt", "new folder/", "notes-moved.md", "sub/", "sub/big.bin",
            "Ünïcödé folder/", "Ünïcödé folder/naïve café #1.txt");
    String syncId = idOf(user, user.rootId(), "sync");
    assertThat(user.content(idOf(user, syncId, "notes-moved.md"))).isEqualTo("# deep");

    // A local change synced up: the new content replaces the old, which is kept as a version; files gone locally
    // are deleted on the server (into the trash), and the moved note comes back where it was.
    write(local.resolve("a.txt"), "second".getBytes(StandardCharsets.UTF_8));
    Files.delete(local.resolve("empty.txt"));
    rclone.run("sync", local.toString(), "ws:sync");
    rclone.run("check", local.toString(), "ws:sync");
    assertThat(rclone.run("lsf", "-R", "--files-only", "ws:sync").lines().sorted().toList())
        .containsExactly("a.txt", "sub/big.bin", "sub/deeper/notes.md", "Ünïcödé folder/naïve café #1.txt");
    String aId = idOf(user, syncId, "a.txt");
    assertThat(user.content(aId)).isEqualTo("second");
    List<Map<String, Object>> versions = user.client.get("/api/files/" + aId + "/versions").jsonList();
    assertThat(versions).hasSize(1);
    assertThat(((Number) versions.get(0).get("size")).longValue()).isEqualTo(5);

    // Everything comes down byte for byte, the big file through ranged or whole GETs alike.
    Path down = work.resolve("down");
    rclone.run("copy", "ws:sync", down.toString());
    rclone.run("check", "--download", local.toString(), "ws:sync");
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = down.resolve(local.relativize(file).toString());
        assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(file));
      }
    }
    assertThat(Arrays.equals(Files.readAllBytes(down.resolve("sub/big.bin")), big)).isTrue();
  }

  private static String idOf(FilesUser user, String folderId, String name) {
    return user.items(folderId).stream()
        .filter(item -> name.equals(item.get("name")))
        .map(item -> (String) item.get("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + name + "' in folder " + folderId));
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  /** Runs rclone with a remote {@code ws:} configured through the environment, as docs/api/webdav.md shows. */
  private static final class Rclone {

    private final Path work;
    private final DavClient dav;
    private final String obscured;

    Rclone(Path work, DavClient dav) throws Exception {
      this.work = work;
      this.dav = dav;
      this.obscured = exec(List.of(RCLONE.toString(), "obscure", dav.secret)).strip();
    }

    String run(String... arguments) throws Exception {
      List<String> command = new ArrayList<>(List.of(RCLONE.toString(), "--config", work.resolve("rclone.conf")
          .toString(), "--low-level-retries", "1", "--retries", "1"));
      command.addAll(List.of(arguments));
      return exec(command);
    }

    private String exec(List<String> command) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
      Map<String, String> env = builder.environment();
      env.put("RCLONE_CONFIG_WS_TYPE", "webdav");
      env.put("RCLONE_CONFIG_WS_URL", TestServers.appUrl().resolve("/dav/files/" + dav.username + "/").toString());
      env.put("RCLONE_CONFIG_WS_VENDOR", "other");
      env.put("RCLONE_CONFIG_WS_USER", dav.username);
      if (obscured != null) {
        env.put("RCLONE_CONFIG_WS_PASS", obscured);
      }
      Path out = Files.createTempFile(work, "rclone-", ".out");
      Path err = Files.createTempFile(work, "rclone-", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished within 3 minutes", command).isTrue();
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("%s%n%s%n%s", command, stdout, stderr).isZero();
      return stdout;
    }
  }
}
