package org.cloudworkspace.files.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;

/** A fresh user for the sharing tests, with the file and share calls they make over and over. */
final class Sharer {

  final String id;
  final String username;
  final ApiClient client;

  private Sharer(String id, String username, ApiClient client) {
    this.id = id;
    this.username = username;
    this.client = client;
  }

  static Sharer create() {
    String username = ApiClient.uniqueUsername("share");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    return new Sharer(id, username, new ApiClient().signIn(username, password));
  }

  static ApiClient admin() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
  }

  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  String rootId() {
    Reply root = client.get("/api/files/root");
    assertThat(root.status()).isEqualTo(200);
    return root.string("id");
  }

  String mkdir(String parentId, String name) {
    Reply reply = client.post("/api/files/folders/" + parentId + "/folders", Map.of("name", name));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  String upload(String folderId, String name, String content) {
    Reply reply =
        client.putBytes("/api/files/folders/" + folderId + "/files/" + encode(name), "text/plain",
            content.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    return reply.string("id");
  }

  List<Object> names(String folderId) {
    Reply reply = client.get("/api/files/folders/" + folderId + "/children");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.items().stream().map(i -> i.get("name")).toList();
  }

  String content(String fileId) {
    ApiClient.BinaryReply reply = client.getBytes("/api/files/" + fileId + "/content", Map.of());
    assertThat(reply.status()).isEqualTo(200);
    return new String(reply.body(), StandardCharsets.UTF_8);
  }

  long usedBytes() {
    return ((Number) client.get("/api/files/usage").json().get("usedBytes")).longValue();
  }

  void quota(long bytes) {
    Reply reply = admin().put("/api/admin/users/" + id + "/quota", Map.of("quotaBytes", bytes));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /** Shares a node with another user; returns the share id. */
  String shareWith(String nodeId, Sharer recipient, String permission) {
    Reply reply =
        client.post("/api/shares/users",
            Map.of("nodeId", nodeId, "username", recipient.username, "permission", permission));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  /** Creates a public link with the given options; returns its JSON. */
  Map<String, Object> link(Map<String, Object> options) {
    Reply reply = client.post("/api/shares/links", options);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  /** The audit events of a type about a user (actor or target), newest first. */
  static List<Map<String, Object>> audit(String type, String user) {
    Reply reply = admin().get("/api/admin/audit-events?type=" + type + "&user=" + encode(user) + "&size=50");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.items();
  }
}
