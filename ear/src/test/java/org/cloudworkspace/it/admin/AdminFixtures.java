package org.cloudworkspace.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;

/** Shared steps of the admin console tests: signed-in admins and users, files to own, audit lookups. */
final class AdminFixtures {

  private AdminFixtures() {}

  /** A user created for one test, with its id and password. */
  record User(String id, String username, String password) {

    ApiClient signIn() {
      return new ApiClient().signIn(username, password);
    }
  }

  static ApiClient admin() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
  }

  static User user(String prefix) {
    return user(prefix, "user");
  }

  static User user(String prefix, String role) {
    String username = ApiClient.uniqueUsername(prefix);
    String password = ApiClient.strongPassword();
    return new User(ApiClient.createUser(username, password, role), username, password);
  }

  /** Uploads a file into a folder ({@code root} or an id) and answers its id. */
  static String upload(ApiClient client, String folderId, String name, byte[] content) {
    Reply reply =
        client.send(
            client
                .http11(
                    "/api/files/folders/" + folderId + "/files/"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
    assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    return reply.string("id");
  }

  static String folder(ApiClient client, String parentId, String name) {
    Reply reply = client.post("/api/files/folders/" + parentId + "/folders", Map.of("name", name));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  /** The names in a folder of the client's user. */
  static List<Object> names(ApiClient client, String folderId) {
    Reply reply = client.get("/api/files/folders/" + folderId + "/children");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.items().stream().map(i -> i.get("name")).toList();
  }

  /** The node of that name in a folder. */
  static Map<String, Object> child(ApiClient client, String folderId, String name) {
    return client.get("/api/files/folders/" + folderId + "/children").items().stream()
        .filter(i -> name.equals(i.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No '" + name + "' in folder " + folderId));
  }

  /** Audit events of a type whose actor or target matches {@code user}, newest first. */
  static List<Map<String, Object>> events(ApiClient admin, String type, String user) {
    Reply reply = admin.get("/api/admin/audit-events?size=100&type=" + type + "&user=" + user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.items();
  }

  static long num(Map<String, Object> json, String field) {
    return ((Number) json.get(field)).longValue();
  }

  static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
