package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Traversal in every parameter, sent byte for byte (no client normalises the path): plain, percent-encoded,
 * double-encoded and with backslashes. Each is a 400 and nothing is created or changed.
 */
class TraversalIT {

  private static final List<String> NAMES =
      List.of("..", ".", "%2e%2e", "%2E%2E", "%2e", "%252e%252e", "%25252e%25252e", "..%2f..%2fetc", "..%252f..%252fetc",
          "a%2Fb", "a%5Cb", "..%5C..%5Cwindows", "%5C", "..%255c", "a%00b");

  private static final List<String> IDS =
      List.of("..", "%2e%2e", "%252e%252e", "..%2f..%2fetc%2fpasswd", "..%5C..%5C", "..%5C..%5C..%5C..%5C",
          "%2e%2e%5c", "not-a-uuid", "00000000-0000-4000-8000-00000000000g");

  @Test
  void traversalInUploadNamesIsRefused() {
    FilesUser user = FilesUser.create();
    user.upload("root", "existing.txt", "keep");
    for (String name : NAMES) {
      RawHttp.Answer answer = RawHttp.send("PUT", "/api/files/folders/root/files/" + name, user.client.accessToken(),
          "Content-Type: text/plain\r\n", "evil".getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status()).as("PUT name %s: %s", name, answer.text()).isEqualTo(400);
    }
    assertThat(user.names("root")).containsExactly("existing.txt");
    assertThat(user.usedBytes()).isEqualTo(4);
  }

  @Test
  void traversalInIdsIsRefused() {
    FilesUser user = FilesUser.create();
    String token = user.client.accessToken();
    for (String id : IDS) {
      for (String path :
          List.of("/api/files/" + id, "/api/files/" + id + "/content", "/api/files/" + id + "/versions",
              "/api/files/folders/" + id + "/children", "/api/files/" + id + "/zip")) {
        RawHttp.Answer answer = RawHttp.send("GET", path, token, "", null);
        assertThat(answer.status()).as("GET %s: %s", path, answer.text()).isEqualTo(400);
      }
      RawHttp.Answer delete = RawHttp.send("DELETE", "/api/files/" + id, token, "", null);
      assertThat(delete.status()).as("DELETE %s", id).isEqualTo(400);
      RawHttp.Answer mkdir = RawHttp.send("POST", "/api/files/folders/" + id + "/folders", token,
          "Content-Type: application/json\r\n", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(mkdir.status()).as("POST folders/%s/folders", id).isEqualTo(400);
    }
    assertThat(user.items("root")).isEmpty();
    // Backslashes that climb to the root or past it are resolved by the container's security check before any
    // filter; they are still a 400 problem, with or without a token.
    for (String path : List.of("/api/..%5C", "/%5C", "/dav/..%5C..%5C..%5C", "/api/files/%5C..%5C..%5C..")) {
      for (String bearer : java.util.Arrays.asList(token, null)) {
        RawHttp.Answer answer = RawHttp.send("GET", path, bearer, "", null);
        assertThat(answer.status()).as("GET %s: %s", path, answer.text()).isEqualTo(400);
        assertThat(answer.text()).contains("application/problem+json");
      }
    }
  }

  @Test
  void readableMessagesForRefusedIdsAndNames() {
    FilesUser user = FilesUser.create();
    RawHttp.Answer id = RawHttp.send("GET", "/api/files/%252e%252e", user.client.accessToken(), "", null);
    assertThat(id.text()).contains("application/problem+json").contains("is not a valid id");
    RawHttp.Answer name = RawHttp.send("PUT", "/api/files/folders/root/files/%252e%252e", user.client.accessToken(),
        "Content-Type: text/plain\r\n", new byte[] {1});
    assertThat(name.text()).contains("application/problem+json").contains("encoded");
    RawHttp.Answer dots = RawHttp.send("PUT", "/api/files/folders/root/files/..", user.client.accessToken(),
        "Content-Type: text/plain\r\n", new byte[] {1});
    assertThat(dots.text()).contains("is not allowed as a name");
  }

  @Test
  void traversalInJsonBodiesIsRefused() {
    FilesUser user = FilesUser.create();
    String folder = FilesUser.str(user.mkdir("root", "f"), "id");
    String file = FilesUser.str(user.upload(folder, "a.txt", "a"), "id");
    for (String evil : List.of("..", "../..", "%2e%2e", "..\\..", "%252e%252e/x", "root/..")) {
      assertThat(user.client.patch("/api/files/" + file, Map.of("parentId", evil)).status()).as(evil).isEqualTo(400);
      assertThat(user.client.patch("/api/files/" + file, Map.of("name", evil)).status()).as(evil).isEqualTo(400);
      assertThat(user.client.post("/api/files/" + file + "/copy", Map.of("parentId", evil)).status()).as(evil)
          .isEqualTo(400);
      assertThat(user.client.post("/api/files/" + file + "/copy", Map.of("parentId", "root", "name", evil)).status())
          .as(evil).isEqualTo(400);
    }
    user.client.delete("/api/files/" + file);
    Reply restore = user.client.post("/api/files/trash/" + file + "/restore", Map.of("parentId", "../.."));
    assertThat(restore.status()).isEqualTo(400);
    assertThat(user.client.post("/api/files/trash/" + file + "/restore", null).json()).containsEntry("parentId", folder);
    assertThat(user.names(folder)).containsExactly("a.txt");
    assertThat(user.names("root")).containsExactly("f");
  }
}
