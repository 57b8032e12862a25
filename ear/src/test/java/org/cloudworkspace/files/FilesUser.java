package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;

/** A fresh user with an empty storage, and the file calls the tests make over and over. */
final class FilesUser {

  final String id;
  final String username;
  final String password;
  final ApiClient client;

  private FilesUser(String id, String username, String password, ApiClient client) {
    this.id = id;
    this.username = username;
    this.password = password;
    this.client = client;
  }

  static FilesUser create() {
    String username = ApiClient.uniqueUsername("files");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    return new FilesUser(id, username, password, new ApiClient().signIn(username, password));
  }

  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  String rootId() {
    Reply root = client.get("/api/files/root");
    assertThat(root.status()).isEqualTo(200);
    return root.string("id");
  }

  Map<String, Object> mkdir(String parentId, String name) {
    Reply reply = client.post("/api/files/folders/" + parentId + "/folders", Map.of("name", name));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  Reply uploadReply(String folderId, String name, byte[] content, String contentType) {
    return client.putBytes(
        "/api/files/folders/" + folderId + "/files/" + encode(name), contentType, content, Map.of());
  }

  Map<String, Object> upload(String folderId, String name, String content) {
    Reply reply = uploadReply(folderId, name, content.getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    return reply.json();
  }

  String content(String fileId) {
    ApiClient.BinaryReply reply = client.getBytes("/api/files/" + fileId + "/content", Map.of());
    assertThat(reply.status()).isEqualTo(200);
    return new String(reply.body(), StandardCharsets.UTF_8);
  }

  Map<String, Object> listing(String folderId) {
    Reply reply = client.get("/api/files/folders/" + folderId + "/children");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> items(String folderId) {
    return (List<Map<String, Object>>) listing(folderId).get("items");
  }

  List<Object> names(String folderId) {
    return items(folderId).stream().map(i -> i.get("name")).toList();
  }

  long usedBytes() {
    return ((Number) client.get("/api/files/usage").json().get("usedBytes")).longValue();
  }

  /** Sets this user's quota through the admin API. */
  void quota(long bytes) {
    ApiClient admin = Admins.signedIn();
    Reply reply = admin.put("/api/admin/users/" + id + "/quota", Map.of("quotaBytes", bytes));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  static String str(Map<String, Object> json, String field) {
    Object value = json.get(field);
    return value == null ? null : value.toString();
  }

  static long num(Map<String, Object> json, String field) {
    return ((Number) json.get(field)).longValue();
  }

  /** The bootstrap admin. */
  static final class Admins {
    private Admins() {}

    static ApiClient signedIn() {
      return new ApiClient()
          .signIn(org.cloudworkspace.it.TestServers.adminUsername(), org.cloudworkspace.it.TestServers.adminPassword());
    }
  }
}
