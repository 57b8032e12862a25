package org.cloudworkspace.it.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.cloudworkspace.it.office.DocumentServerSimulator.Answer;
import org.cloudworkspace.it.office.DocumentServerSimulator.TokenIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents reached through a share with another user, against the Document Server simulator: the owner and a
 * read-write recipient co-edit one key and see each other, a save becomes one version of the owner's file, a
 * read-only recipient gets view mode, a revoked share closes the door, and the built-in editor's save through a share
 * follows the share's permission and detects conflicts.
 */
class SharedDocumentsIT {

  private static DocumentServerSimulator ds;

  @BeforeAll
  static void simulator() {
    ds = DocumentServerSimulator.shared();
  }

  /** A fresh signed-in user. */
  private record User(String id, String username, ApiClient client) {
    static User create(String prefix) {
      String username = ApiClient.uniqueUsername(prefix);
      String password = ApiClient.strongPassword();
      String id = ApiClient.createUser(username, password, "user");
      return new User(id, username, new ApiClient().signIn(username, password));
    }

    String mkdir(String parentId, String name) {
      Reply reply = client.post("/api/files/folders/" + parentId + "/folders", Map.of("name", name));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return reply.string("id");
    }

    String upload(String folderId, String name, byte[] content) {
      Reply reply =
          client.putBytes(
              "/api/files/folders/" + folderId + "/files/"
                  + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"),
              "application/octet-stream", content, Map.of());
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return reply.string("id");
    }

    String shareWith(String nodeId, User recipient, String permission) {
      Reply reply =
          client.post("/api/shares/users",
              Map.of("nodeId", nodeId, "username", recipient.username(), "permission", permission));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return reply.string("id");
    }

    String text(String fileId) {
      ApiClient.BinaryReply reply = client.getBytes("/api/files/" + fileId + "/content", Map.of());
      assertThat(reply.status()).isEqualTo(200);
      return new String(reply.body(), StandardCharsets.UTF_8);
    }

    int versions(String fileId) {
      Reply reply = client.get("/api/files/" + fileId + "/versions");
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      return reply.jsonList().size();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Reply sharedConfig(User user, String shareId, String fileId) {
    return user.client().get("/api/office/editor-config?shareId=" + shareId + "&fileId=" + fileId);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> signed(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return (Map<String, Object>) reply.json().get("config");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> config, String name) {
    return (Map<String, Object>) config.get(name);
  }

  private static String key(Map<String, Object> config) {
    return (String) part(config, "document").get("key");
  }

  private static String callbackUrl(Map<String, Object> config) {
    return (String) part(config, "editorConfig").get("callbackUrl");
  }

  private static List<Object> ids(List<Map<String, Object>> editors) {
    return editors.stream().map(e -> e.get("id")).toList();
  }

  @Test
  void ownerAndReadWriteRecipientCoEditOneKeyAndASaveIsOneVersionOfTheOwnersFile() {
    User owner = User.create("docowner");
    User colleague = User.create("coeditor");
    String folder = owner.mkdir("root", "Team");
    String fileId = owner.upload(folder, "budget.xlsx", bytes("cells v1"));
    String shareId = owner.shareWith(folder, colleague, "read-write");

    Map<String, Object> ownerConfig = signed(owner.client().get("/api/office/editor-config?fileId=" + fileId));
    Reply recipientReply = sharedConfig(colleague, shareId, fileId);
    Map<String, Object> recipientConfig = signed(recipientReply);
    assertThat(recipientReply.json()).containsEntry("mode", "edit").containsEntry("shareId", shareId)
        .containsEntry("fileId", fileId);
    // In the share's top folder: the way back is the share itself (no folder inside it).
    assertThat(recipientReply.json().get("folderId")).isNull();
    // Everything the browser gets is what the Document Server verifies.
    Map<String, Object> claims = ds.verifyConfigToken((String) recipientConfig.get("token"));
    assertThat(part(claims, "editorConfig")).containsEntry("mode", "edit");
    assertThat(part(part(claims, "editorConfig"), "user")).containsEntry("id", colleague.id())
        .containsEntry("name", "User " + colleague.username());
    assertThat(part(part(claims, "document"), "permissions")).containsEntry("edit", true);
    @SuppressWarnings("unchecked")
    Map<String, Object> goback = (Map<String, Object>) part(part(claims, "editorConfig"), "customization").get("goback");
    assertThat((String) goback.get("url")).endsWith("/files/shared/" + shareId);
    // A document deeper in the share goes back to its folder in the share.
    String sub = owner.mkdir(folder, "Drafts");
    String draft = owner.upload(sub, "draft.docx", bytes("draft"));
    Reply deeper = sharedConfig(colleague, shareId, draft);
    assertThat(signed(deeper)).isNotNull();
    assertThat(deeper.json()).containsEntry("folderId", sub);
    assertThat(deeper.body()).contains("/files/shared/" + shareId + "/" + sub);

    // One version, one key: the owner and the recipient co-edit.
    assertThat(key(recipientConfig)).isEqualTo(key(ownerConfig));
    String key = key(ownerConfig);
    // The Document Server fetches the owner's file through the recipient's link.
    DocumentServerSimulator.Opened opened = ds.open(recipientConfig);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(new String(opened.content(), StandardCharsets.UTF_8)).isEqualTo("cells v1");

    assertThat(ds.deliver(callbackUrl(recipientConfig),
        DocumentServerSimulator.body(key, 1, null, null, List.of(owner.id(), colleague.id())), TokenIn.HEADER))
        .last().matches(Answer::ok);
    Reply ownerSees = owner.client().get("/api/office/files/" + fileId + "/editors");
    assertThat(ids(ownerSees.jsonList())).containsExactlyInAnyOrder(owner.id(), colleague.id());
    Reply recipientSees = colleague.client().get("/api/office/files/" + fileId + "/editors?shareId=" + shareId);
    assertThat(recipientSees.status()).as(recipientSees.body()).isEqualTo(200);
    assertThat(ids(recipientSees.jsonList())).containsExactlyInAnyOrder(owner.id(), colleague.id());
    assertThat(recipientSees.body()).contains(colleague.username()).contains(owner.username());
    // Without the share the recipient reaches nothing of the owner's.
    assertThat(colleague.client().get("/api/office/files/" + fileId + "/editors").status()).isEqualTo(404);

    // The file list's marks: one request per folder, for the owner and for the recipient.
    String other = owner.upload(folder, "quiet.docx", bytes("nobody edits me"));
    Reply ownerMarks = owner.client().get("/api/office/folders/" + folder + "/editing");
    assertThat(ownerMarks.status()).as(ownerMarks.body()).isEqualTo(200);
    assertThat(ownerMarks.jsonList()).extracting(m -> m.get("fileId")).containsExactly(fileId).doesNotContain(other);
    Reply recipientMarks = colleague.client().get("/api/office/folders/root/editing?shareId=" + shareId);
    assertThat(recipientMarks.status()).as(recipientMarks.body()).isEqualTo(200);
    assertThat(recipientMarks.jsonList()).extracting(m -> m.get("fileId")).containsExactly(fileId);
    assertThat(recipientMarks.body()).contains(colleague.username());
    assertThat(owner.client().get("/api/office/folders/root/editing").jsonList()).isEmpty();
    assertThat(colleague.client().get("/api/office/folders/" + folder + "/editing").status()).isEqualTo(404);

    // The recipient was the last editor: the save is a version of the owner's file, audited with who edited.
    String edited = ds.publish(bytes("cells v2"), "xlsx");
    List<Answer> answers =
        ds.deliver(callbackUrl(recipientConfig),
            DocumentServerSimulator.body(key, 2, edited, "xlsx", List.of(colleague.id())), TokenIn.BODY);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).body()).isEqualTo("{\"error\":0}");
    assertThat(owner.text(fileId)).isEqualTo("cells v2");
    assertThat(owner.versions(fileId)).isEqualTo(1);
    assertThat(colleague.client().get("/api/files/root/children").body()).doesNotContain("budget.xlsx");
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply audit = admin.get("/api/admin/audit-events?type=office.save&size=200");
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(audit.items())
        .filteredOn(e -> ("file " + fileId).equals(e.get("target")))
        .singleElement()
        .satisfies(e -> assertThat(e.toString()).contains("edited by User " + colleague.username()));

    // Editing is over, and the next opening — by either of them — gets a new key.
    assertThat(colleague.client().get("/api/office/files/" + fileId + "/editors?shareId=" + shareId).jsonList())
        .isEmpty();
    assertThat(colleague.client().get("/api/office/folders/root/editing?shareId=" + shareId).jsonList()).isEmpty();
    String nextKey = key(signed(sharedConfig(colleague, shareId, fileId)));
    assertThat(nextKey).isNotEqualTo(key);
    assertThat(key(signed(owner.client().get("/api/office/editor-config?fileId=" + fileId)))).isEqualTo(nextKey);
  }

  @Test
  void aReadOnlyShareOpensInViewModeAndItsViewerCannotWrite() {
    User owner = User.create("viewowner");
    User reader = User.create("viewer");
    String fileId = owner.upload("root", "minutes.docx", bytes("minutes v1"));
    String shareId = owner.shareWith(fileId, reader, "read");

    Reply reply = sharedConfig(reader, shareId, fileId);
    Map<String, Object> config = signed(reply);
    assertThat(reply.json()).containsEntry("mode", "view").containsEntry("shareId", shareId);
    assertThat(reply.json().get("folderId")).isNull();
    Map<String, Object> claims = ds.verifyConfigToken((String) config.get("token"));
    assertThat(part(claims, "editorConfig")).containsEntry("mode", "view");
    assertThat(part(part(claims, "document"), "permissions")).containsEntry("edit", false)
        .containsEntry("review", false).containsEntry("comment", false).containsEntry("download", true);
    assertThat(part(part(claims, "editorConfig"), "user")).containsEntry("id", reader.id());
    // The share is the file itself: "back" leads to the share.
    @SuppressWarnings("unchecked")
    Map<String, Object> goback = (Map<String, Object>) part(part(claims, "editorConfig"), "customization").get("goback");
    assertThat((String) goback.get("url")).endsWith("/files/shared/" + shareId);
    // The viewer joins the owner's session (the same key) and the Document Server can fetch the file.
    Map<String, Object> ownerConfig = signed(owner.client().get("/api/office/editor-config?fileId=" + fileId));
    assertThat(key(config)).isEqualTo(key(ownerConfig));
    assertThat(ds.open(config).status()).isEqualTo(200);

    // The Document Server never sends a save for a viewer; a genuine one on this key (the owner edited) is stored.
    String saved = ds.publish(bytes("minutes v2"), "docx");
    assertThat(ds.deliver(callbackUrl(config),
        DocumentServerSimulator.body(key(config), 2, saved, "docx", List.of(owner.id())), TokenIn.HEADER))
        .last().matches(Answer::ok);
    assertThat(owner.text(fileId)).isEqualTo("minutes v2");

    // Nothing lets the viewer write: the built-in editor's save through the read share is refused.
    String etag = owner.client().get("/api/files/" + fileId).string("etag");
    Reply put =
        reader.client().putBytes("/api/shares/incoming/" + shareId + "/files/" + fileId + "/content", "text/plain",
            bytes("vandalised"), Map.of("If-Match", etag));
    assertThat(put.status()).as(put.body()).isEqualTo(403);
    assertThat(put.header("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(owner.text(fileId)).isEqualTo("minutes v2");
    assertThat(owner.versions(fileId)).isEqualTo(1);
  }

  @Test
  void refusalsAndARevokedShare() {
    User owner = User.create("revoker");
    User colleague = User.create("revoked");
    User stranger = User.create("stranger");
    String folder = owner.mkdir("root", "Shared docs");
    String fileId = owner.upload(folder, "plan.pptx", bytes("slides"));
    String outside = owner.upload("root", "private.docx", bytes("private"));
    String shareId = owner.shareWith(folder, colleague, "read-write");

    assertThat(new ApiClient().get("/api/office/editor-config?shareId=" + shareId + "&fileId=" + fileId).status())
        .isEqualTo(401);
    assertThat(sharedConfig(stranger, shareId, fileId).status()).isEqualTo(404);
    assertThat(stranger.client().get("/api/office/files/" + fileId + "/editors?shareId=" + shareId).status())
        .isEqualTo(404);
    assertThat(stranger.client().get("/api/office/folders/root/editing?shareId=" + shareId).status()).isEqualTo(404);
    // An id outside the share is 404, like one that does not exist.
    assertThat(sharedConfig(colleague, shareId, outside).status()).isEqualTo(404);
    assertThat(colleague.client().get("/api/office/editor-config?shareId=" + shareId + "&path=%2Fplan.pptx").status())
        .isEqualTo(400);
    assertThat(sharedConfig(colleague, shareId, folder).status()).isEqualTo(400);

    Map<String, Object> config = signed(sharedConfig(colleague, shareId, fileId));
    Reply revoke = owner.client().delete("/api/shares/" + shareId);
    assertThat(revoke.status()).as(revoke.body()).isEqualTo(204);
    Reply after = sharedConfig(colleague, shareId, fileId);
    assertThat(after.status()).as(after.body()).isEqualTo(404);
    assertThat(after.header("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(colleague.client().get("/api/office/files/" + fileId + "/editors?shareId=" + shareId).status())
        .isEqualTo(404);
    // The download link issued through the share no longer works either.
    assertThat(ds.fetchDocument((String) part(config, "document").get("url"), true).statusCode()).isEqualTo(404);
  }

  @Test
  void theBuiltInEditorSavesThroughAReadWriteShareWithConflictDetection() {
    User owner = User.create("textowner");
    User colleague = User.create("texteditor");
    String folder = owner.mkdir("root", "Notes");
    String fileId = owner.upload(folder, "todo.md", bytes("# To do\n"));
    String shareId = owner.shareWith(folder, colleague, "read-write");
    String base = "/api/shares/incoming/" + shareId + "/files/" + fileId;

    // The editor loads the text and its entity tag.
    ApiClient.BinaryReply loaded = colleague.client().getBytes(base + "/content", Map.of());
    assertThat(loaded.status()).isEqualTo(200);
    assertThat(new String(loaded.body(), StandardCharsets.UTF_8)).isEqualTo("# To do\n");
    String etag = loaded.header("ETag").orElseThrow();

    Reply saved =
        colleague.client().putBytes(base + "/content", "text/markdown", bytes("# To do\n- share docs\n"),
            Map.of("If-Match", etag));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    String newEtag = saved.header("ETag").orElseThrow();
    assertThat(newEtag).isNotEqualTo(etag);
    assertThat(owner.text(fileId)).isEqualTo("# To do\n- share docs\n");
    assertThat(owner.versions(fileId)).isEqualTo(1);

    // The owner changes it meanwhile: the recipient's save with the old tag is a conflict, and nothing is lost.
    owner.client().putBytes("/api/files/folders/" + folder + "/files/todo.md", "text/markdown",
        bytes("# To do\n- owner's line\n"), Map.of());
    Reply stale =
        colleague.client().putBytes(base + "/content", "text/markdown", bytes("# To do\n- mine\n"),
            Map.of("If-Match", newEtag));
    assertThat(stale.status()).as(stale.body()).isEqualTo(412);
    assertThat(owner.text(fileId)).isEqualTo("# To do\n- owner's line\n");
    // Saving anyway keeps the owner's text as a version.
    Reply overwrite = colleague.client().putBytes(base + "/content", "text/markdown", bytes("# To do\n- mine\n"),
        Map.of());
    assertThat(overwrite.status()).as(overwrite.body()).isEqualTo(200);
    assertThat(owner.text(fileId)).isEqualTo("# To do\n- mine\n");
    assertThat(owner.versions(fileId)).isEqualTo(3);

    // A folder has no content, and an id outside the share is 404.
    assertThat(colleague.client().putBytes("/api/shares/incoming/" + shareId + "/files/" + folder + "/content",
        "text/plain", bytes("x"), Map.of()).status()).isEqualTo(400);
    String outside = owner.upload("root", "diary.md", bytes("private"));
    assertThat(colleague.client().putBytes("/api/shares/incoming/" + shareId + "/files/" + outside + "/content",
        "text/plain", bytes("x"), Map.of()).status()).isEqualTo(404);
    assertThat(owner.text(outside)).isEqualTo("private");
    assertThat(new ApiClient().putBytes(base + "/content", "text/plain", bytes("x"), Map.of()).status())
        .isEqualTo(401);
  }
}
