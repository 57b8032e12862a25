package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.DockerCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** File operations in a workspace volume through the app: tree, read/write with conflict detection, traversal. */
class IdeFilesIT {

  private static IdeUser user;
  private static String id;

  @BeforeAll
  static void startWorkspace() throws Exception {
    user = IdeUser.fresh("ide-files");
    id = user.running("files");
  }

  @AfterAll
  static void removeWorkspace() {
    user.delete(id);
  }

  private String files() {
    return "/api/ide/workspaces/" + id + "/files";
  }

  @Test
  void writeReadAndSaveWithConflictDetection() {
    ApiClient.Reply created = put("notes/../x", "nope", Map.of());
    assertThat(created.status()).isEqualTo(400);
    assertThat(user.api.post(files() + "/folders", Map.of("path", "notes")).status()).isEqualTo(204);
    ApiClient.Reply first = put("notes/todo.md", "# Todo\n", Map.of("If-None-Match", "*"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String etag = first.header("ETag").orElseThrow();
    assertThat(put("notes/todo.md", "again", Map.of("If-None-Match", "*")).status()).isEqualTo(412);

    ApiClient.BinaryReply read = user.api.getBytes(files() + "/content?path=notes/todo.md", Map.of());
    assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("# Todo\n");
    assertThat(read.header("ETag")).contains(etag);
    assertThat(DockerCli.run("exec", "cw-ws-" + id, "cat", "/workspace/notes/todo.md")).isEqualTo("# Todo\n");

    ApiClient.Reply saved = put("notes/todo.md", "# Todo\n- ship\n", Map.of("If-Match", etag));
    assertThat(saved.status()).isEqualTo(200);
    // Someone changed the file underneath (here: the terminal); saving over the old version is refused.
    DockerCli.run("exec", "cw-ws-" + id, "sh", "-c", "echo changed > /workspace/notes/todo.md");
    ApiClient.Reply conflict = put("notes/todo.md", "# mine\n", Map.of("If-Match", saved.header("ETag").orElseThrow()));
    assertThat(conflict.status()).isEqualTo(412);
    assertThat(conflict.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(DockerCli.run("exec", "cw-ws-" + id, "cat", "/workspace/notes/todo.md")).isEqualTo("changed\n");
  }

  @Test
  void treeRenameMoveDeleteAndDownload() {
    user.api.post(files() + "/folders", Map.of("path", "src"));
    put("src/a.txt", "A", Map.of());
    List<Map<String, Object>> root = user.api.get(files() + "?path=").jsonList();
    assertThat(root).extracting(e -> e.get("name")).contains("src", "README.md");
    assertThat(root.get(0).get("type")).isEqualTo("folder");

    assertThat(user.api.post(files() + "/move", Map.of("from", "src/a.txt", "to", "src/b.txt")).status())
        .isEqualTo(204);
    assertThat(user.api.get(files() + "?path=src").jsonList()).extracting(e -> e.get("name")).containsExactly("b.txt");
    assertThat(user.api.post(files() + "/move", Map.of("from", "src/b.txt", "to", "b.txt")).status()).isEqualTo(204);

    ApiClient.BinaryReply download = user.api.getBytes(files() + "/download?path=b.txt", Map.of());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("A");
    ApiClient.BinaryReply tar = user.api.getBytes(files() + "/download?path=src", Map.of());
    assertThat(tar.status()).isEqualTo(200);
    assertThat(tar.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("x-tar"));

    assertThat(user.api.delete(files() + "?path=src").status()).isEqualTo(204);
    assertThat(user.api.get(files() + "?path=src").status()).isEqualTo(404);
    assertThat(user.api.delete(files() + "?path=").status()).isEqualTo(400);
  }

  @Test
  void pathTraversalIsRefusedInEveryOperation() {
    for (String bad : List.of("../etc/passwd", "a/../../x", "..", "%2e%2e/etc", "a%5Cb", "x%00")) {
      assertThat(user.api.get(files() + "/content?path=" + bad).status()).as(bad).isEqualTo(400);
      assertThat(user.api.get(files() + "?path=" + bad).status()).as(bad).isEqualTo(400);
      assertThat(user.api.delete(files() + "?path=" + bad).status()).as(bad).isEqualTo(400);
      assertThat(put(bad, "x", Map.of()).status()).as(bad).isEqualTo(400);
    }
    assertThat(user.api.post(files() + "/folders", Map.of("path", "../out")).status()).isEqualTo(400);
    assertThat(user.api.post(files() + "/move", Map.of("from", "README.md", "to", "../../README.md")).status())
        .isEqualTo(400);
    assertThat(DockerCli.tryRun("exec", "cw-ws-" + id, "test", "-e", "/out").exitCode()).isNotZero();
  }

  private ApiClient.Reply put(String path, String text, Map<String, String> headers) {
    return user.api.putBytes(files() + "/content?path=" + path, "text/plain", text.getBytes(StandardCharsets.UTF_8),
        headers);
  }
}
