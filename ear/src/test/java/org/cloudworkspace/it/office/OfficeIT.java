package org.cloudworkspace.it.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.cloudworkspace.it.office.DocumentServerSimulator.Answer;
import org.cloudworkspace.it.office.DocumentServerSimulator.TokenIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Document Server integration against the simulator, which speaks the documented protocol: editor configs, the
 * signed download, every callback status with the token in the header and in the body, refused callbacks, SSRF
 * addresses, duplicates, and a storage failure that is answered with an error, recorded, and stored on retry.
 */
class OfficeIT {

  private static DocumentServerSimulator ds;

  @BeforeAll
  static void simulator() {
    ds = DocumentServerSimulator.shared();
  }

  /** A fresh user with one document. */
  private static final class Owner {
    final String id;
    final ApiClient client;
    final String fileId;
    final String folderId;

    Owner(String name, byte[] content) {
      String username = ApiClient.uniqueUsername("office");
      String password = ApiClient.strongPassword();
      this.id = ApiClient.createUser(username, password, "user");
      this.client = new ApiClient().signIn(username, password);
      this.folderId = client.get("/api/files/root").string("id");
      Reply upload =
          client.putBytes(
              "/api/files/folders/" + folderId + "/files/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
              "application/octet-stream", content, Map.of());
      assertThat(upload.status()).as(upload.body()).isEqualTo(201);
      this.fileId = upload.string("id");
    }

    Map<String, Object> config() {
      Reply reply = client.get("/api/office/editor-config?fileId=" + fileId);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      return reply.json();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> signedConfig() {
      return (Map<String, Object>) config().get("config");
    }

    byte[] content() {
      ApiClient.BinaryReply reply = client.getBytes("/api/files/" + fileId + "/content", Map.of());
      assertThat(reply.status()).isEqualTo(200);
      return reply.body();
    }

    String etag() {
      return client.get("/api/files/" + fileId).string("etag");
    }

    int versions() {
      Reply reply = client.get("/api/files/" + fileId + "/versions");
      assertThat(reply.status()).isEqualTo(200);
      return reply.jsonList().size();
    }

    List<Map<String, Object>> unsaved() {
      Reply reply = client.get("/api/office/unsaved");
      assertThat(reply.status()).isEqualTo(200);
      return reply.jsonList();
    }
  }

  @SuppressWarnings("unchecked")
  private static String key(Map<String, Object> config) {
    return (String) ((Map<String, Object>) config.get("document")).get("key");
  }

  @SuppressWarnings("unchecked")
  private static String callbackUrl(Map<String, Object> config) {
    return (String) ((Map<String, Object>) config.get("editorConfig")).get("callbackUrl");
  }

  @SuppressWarnings("unchecked")
  private static String documentUrl(Map<String, Object> config) {
    return (String) ((Map<String, Object>) config.get("document")).get("url");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEditorConfigIsSignedAndFollowsTheContract() {
    Owner owner = new Owner("contract.docx", bytes("first draft"));
    Map<String, Object> view = owner.config();
    assertThat(view.get("apiScriptUrl")).isEqualTo(ds.url() + "/web-apps/apps/api/documents/api.js");
    assertThat(view.get("mode")).isEqualTo("edit");
    Map<String, Object> config = (Map<String, Object>) view.get("config");
    Map<String, Object> claims = ds.verifyConfigToken((String) config.get("token"));
    assertThat(claims).containsEntry("documentType", "word");
    Map<String, Object> document = (Map<String, Object>) claims.get("document");
    assertThat(document).containsEntry("fileType", "docx").containsEntry("title", "contract.docx");
    assertThat((String) document.get("key")).matches("[0-9A-Za-z._=-]{1,128}");
    assertThat((Map<String, Object>) document.get("permissions")).containsEntry("edit", true);
    Map<String, Object> editorConfig = (Map<String, Object>) claims.get("editorConfig");
    assertThat(editorConfig).containsEntry("mode", "edit");
    assertThat((Map<String, Object>) editorConfig.get("user")).containsEntry("id", owner.id);
    assertThat((Map<String, Object>) editorConfig.get("customization")).containsEntry("forcesave", true);
    assertThat((String) editorConfig.get("callbackUrl")).startsWith(TestServers.appUrl() + "/api/office/callback?");
    // The signed part is the whole config: what the browser gets equals what the token says.
    assertThat(config.get("document")).isEqualTo(document);

    // By path as well.
    Reply byPath = owner.client.get("/api/office/editor-config?path=%2Fcontract.docx");
    assertThat(byPath.status()).as(byPath.body()).isEqualTo(200);
    assertThat(key((Map<String, Object>) byPath.json().get("config"))).isEqualTo(document.get("key"));

    // The Document Server fetches document.url without a session, with its bearer token, and gets this version.
    DocumentServerSimulator.Opened opened = ds.open(config);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(new String(opened.content(), StandardCharsets.UTF_8)).isEqualTo("first draft");
    // Without the bearer token the signed link is enough; a wrong bearer token or a tampered link is refused.
    assertThat(ds.fetchDocument(documentUrl(config), false).statusCode()).isEqualTo(200);
    String tampered = documentUrl(config).substring(0, documentUrl(config).length() - 3) + "abc";
    assertThat(ds.fetchDocument(tampered, true).statusCode()).isEqualTo(401);
  }

  @Test
  void editorConfigRefusals() {
    Owner owner = new Owner("notes.docx", bytes("x"));
    Owner other = new Owner("other.docx", bytes("y"));
    assertThat(new ApiClient().get("/api/office/editor-config?fileId=" + owner.fileId).status()).isEqualTo(401);
    assertThat(other.client.get("/api/office/editor-config?fileId=" + owner.fileId).status()).isEqualTo(404);
    assertThat(owner.client.get("/api/office/editor-config").status()).isEqualTo(400);
    assertThat(owner.client.get("/api/office/editor-config?path=%2Fnope.docx").status()).isEqualTo(404);
    assertThat(owner.client.get("/api/office/editor-config?path=..%2F..%2Fetc%2Fpasswd").status()).isEqualTo(400);
    Reply zip =
        owner.client.putBytes("/api/files/folders/" + owner.folderId + "/files/a.zip", "application/zip", bytes("z"),
            Map.of());
    assertThat(owner.client.get("/api/office/editor-config?fileId=" + zip.string("id")).status()).isEqualTo(400);
  }

  @Test
  void aFullEditCycleStoresANewVersionAndTheNextOpeningGetsANewKey() {
    Owner owner = new Owner("cycle.docx", bytes("version one"));
    Map<String, Object> config = owner.signedConfig();
    String key = key(config);
    assertThat(ds.open(config).status()).isEqualTo(200);

    assertThat(ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key, 1, null, null, List.of(owner.id)),
        TokenIn.HEADER)).last().matches(Answer::ok);
    Reply editors = owner.client.get("/api/office/files/" + owner.fileId + "/editors");
    assertThat(editors.jsonList()).extracting(e -> e.get("id")).containsExactly(owner.id);

    String edited = ds.publish(bytes("version two"), "docx");
    List<Answer> answers =
        ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key, 2, edited, "docx", List.of(owner.id)),
            TokenIn.HEADER);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).body()).isEqualTo("{\"error\":0}");
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("version two");
    assertThat(owner.versions()).isEqualTo(1);
    assertThat(owner.client.get("/api/office/files/" + owner.fileId + "/editors").jsonList()).isEmpty();

    String nextKey = key(owner.signedConfig());
    assertThat(nextKey).isNotEqualTo(key);
  }

  @Test
  void coEditorsOfOneVersionShareTheKeyAndSeeEachOther() {
    Owner owner = new Owner("shared.xlsx", bytes("cells"));
    ApiClient secondDevice = new ApiClient();
    secondDevice.accessToken(owner.client.accessToken());
    Map<String, Object> first = owner.signedConfig();
    Reply second = secondDevice.get("/api/office/editor-config?fileId=" + owner.fileId);
    @SuppressWarnings("unchecked")
    Map<String, Object> secondConfig = (Map<String, Object>) second.json().get("config");
    assertThat(key(secondConfig)).isEqualTo(key(first));

    String colleague = ApiClient.createUser(ApiClient.uniqueUsername("colleague"), ApiClient.strongPassword(), "user");
    assertThat(ds.deliver(callbackUrl(first),
        DocumentServerSimulator.body(key(first), 1, null, null, List.of(owner.id, colleague)), TokenIn.BODY))
        .last().matches(Answer::ok);
    Map<String, Object> third = owner.config();
    assertThat(third.get("editors").toString()).contains(owner.id).contains(colleague);
    // Status 4 (closed without changes) clears the mark and changes nothing.
    String etag = owner.etag();
    assertThat(ds.deliver(callbackUrl(first), DocumentServerSimulator.body(key(first), 4, null, null, List.of()),
        TokenIn.HEADER)).last().matches(Answer::ok);
    assertThat(owner.client.get("/api/office/files/" + owner.fileId + "/editors").jsonList()).isEmpty();
    assertThat(owner.etag()).isEqualTo(etag);
    assertThat(owner.versions()).isZero();
  }

  @Test
  void forceSaveKeepsTheKeyThenTheFinalSaveStoresAgain() {
    Owner owner = new Owner("force.pptx", bytes("slides 1"));
    Map<String, Object> config = owner.signedConfig();
    String key = key(config);
    String forced = ds.publish(bytes("slides 2"), "pptx");
    assertThat(ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key, 6, forced, "pptx", List.of(owner.id)),
        TokenIn.BODY)).last().matches(Answer::ok);
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("slides 2");
    assertThat(owner.versions()).isEqualTo(1);
    // The session goes on under the same key: someone opening now joins it.
    assertThat(key(owner.signedConfig())).isEqualTo(key);

    String last = ds.publish(bytes("slides 3"), "pptx");
    assertThat(ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key, 2, last, "pptx", List.of(owner.id)),
        TokenIn.HEADER)).last().matches(Answer::ok);
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("slides 3");
    assertThat(owner.versions()).isEqualTo(2);
    assertThat(key(owner.signedConfig())).isNotEqualTo(key);
  }

  @Test
  void statusThreeAndSevenStoreWhatWasDeliveredAndAreAudited() {
    Owner owner = new Owner("errors.docx", bytes("a"));
    Map<String, Object> config = owner.signedConfig();
    String url7 = ds.publish(bytes("b"), "docx");
    assertThat(ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key(config), 7, url7, "docx",
        List.of(owner.id)), TokenIn.HEADER)).last().matches(Answer::ok);
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("b");
    String url3 = ds.publish(bytes("c"), "docx");
    assertThat(ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key(config), 3, url3, "docx",
        List.of(owner.id)), TokenIn.HEADER)).last().matches(Answer::ok);
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("c");
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply audit = admin.get("/api/admin/audit-events?type=office.save_failed&size=200");
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).contains("file " + owner.fileId).contains("reported an error");
  }

  @Test
  void aDifferentFileTypeIsConvertedToTheFilesFormat() {
    Owner owner = new Owner("report.odt", bytes("odt content"));
    Map<String, Object> config = owner.signedConfig();
    String delivered = ds.publish(bytes("docx content"), "docx");
    assertThat(ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key(config), 2, delivered, "docx",
        List.of(owner.id)), TokenIn.HEADER)).last().matches(Answer::ok);
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("converted to odt: docx content");
  }

  @Test
  void unsignedWrongSecretAndTamperedCallbacksChangeNothing() {
    Owner owner = new Owner("guarded.docx", bytes("original"));
    Map<String, Object> config = owner.signedConfig();
    String etag = owner.etag();
    String url = ds.publish(bytes("forged"), "docx");
    Map<String, Object> body = DocumentServerSimulator.body(key(config), 2, url, "docx", List.of(owner.id));

    Answer unsigned = ds.post(callbackUrl(config), body, TokenIn.NONE, ds.secret());
    Answer wrongSecretHeader = ds.post(callbackUrl(config), body, TokenIn.HEADER, "not-the-secret-0123456789abcdef");
    Answer wrongSecretBody = ds.post(callbackUrl(config), body, TokenIn.BODY, "not-the-secret-0123456789abcdef");
    // Tampered: a token signed for another (harmless) body, sent with this body; and a token whose payload was edited.
    String signedOther =
        DocumentServerSimulator.sign(
            Map.of("payload", DocumentServerSimulator.body("other-key", 4, null, null, List.of())), ds.secret());
    Answer mismatched =
        ds.postRaw(callbackUrl(config), jakarta.json.bind.JsonbBuilder.create().toJson(body), "Bearer " + signedOther);
    String valid = DocumentServerSimulator.sign(Map.of("payload", body), ds.secret());
    String[] parts = valid.split("\\.");
    String editedPayload =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"status\":2", "\"status\":6").getBytes(StandardCharsets.UTF_8));
    Answer tampered = ds.postRaw(callbackUrl(config), "{}", "Bearer " + parts[0] + "." + editedPayload + "." + parts[2]);
    // A callback address for another file does not accept this file's key.
    Owner other = new Owner("elsewhere.docx", bytes("other"));
    Answer wrongFile = ds.post(callbackUrl(other.signedConfig()), body, TokenIn.HEADER, ds.secret());
    // A forged callback address.
    Answer forgedAddress =
        ds.post(TestServers.appUrl() + "/api/office/callback?token=abc.def.ghi", body, TokenIn.HEADER, ds.secret());

    for (Answer answer : List.of(unsigned, wrongSecretHeader, wrongSecretBody, mismatched, tampered, wrongFile,
        forgedAddress)) {
      assertThat(answer.httpStatus()).isEqualTo(200);
      assertThat(answer.json().get("error")).as(answer.body()).isNotEqualTo(0).isNotNull();
    }
    assertThat(unsigned.body()).contains("JWT expected");
    assertThat(owner.etag()).isEqualTo(etag);
    assertThat(owner.versions()).isZero();
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("original");
  }

  @Test
  void downloadsOnlyFromTheDocumentServerAndNeverFromInternalAddresses() {
    Owner owner = new Owner("ssrf.docx", bytes("safe"));
    Map<String, Object> config = owner.signedConfig();
    String etag = owner.etag();
    String appPort = String.valueOf(TestServers.appUrl().getPort());
    List<String> addresses =
        List.of(
            "http://127.0.0.1:" + appPort + "/api/office/capabilities",
            "http://localhost:" + URLEncoderPort.port(ds.url()) + "/cache/files/x/output.docx",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/output.docx",
            "http://192.168.1.1/output.docx",
            "http://[::ffff:127.0.0.1]:" + URLEncoderPort.port(ds.url()) + "/cache/files/x/output.docx",
            "http://[::1]:" + appPort + "/",
            ds.redirectTo("http://127.0.0.1:" + appPort + "/api/office/capabilities"),
            ds.redirectTo("http://169.254.169.254/latest/meta-data/"),
            "file:///etc/passwd",
            "http://127.0.0.1:" + URLEncoderPort.port(ds.url()) + "@169.254.169.254/");
    for (String address : addresses) {
      List<Answer> answers =
          ds.deliver(callbackUrl(config), DocumentServerSimulator.body(key(config), 2, address, "docx",
              List.of(owner.id)), TokenIn.HEADER, 1, () -> {});
      assertThat(answers.get(0).ok()).as(address + " → " + answers.get(0).body()).isFalse();
    }
    assertThat(owner.etag()).isEqualTo(etag);
    assertThat(owner.versions()).isZero();
    assertThat(owner.unsaved()).hasSize(addresses.size()).allSatisfy(u -> assertThat(u.get("state")).isEqualTo("failed"));
    assertThat(owner.unsaved().toString()).contains("Refused");
  }

  /** The port of an address. */
  private static final class URLEncoderPort {
    static int port(String url) {
      return java.net.URI.create(url).getPort();
    }
  }

  @Test
  void theSameCallbackTwiceStoresOneVersion() {
    Owner owner = new Owner("twice.docx", bytes("one"));
    Map<String, Object> config = owner.signedConfig();
    String url = ds.publish(bytes("two"), "docx");
    Map<String, Object> body = DocumentServerSimulator.body(key(config), 2, url, "docx", List.of(owner.id));
    assertThat(ds.post(callbackUrl(config), body, TokenIn.HEADER, ds.secret()).ok()).isTrue();
    assertThat(ds.post(callbackUrl(config), body, TokenIn.BODY, ds.secret()).ok()).isTrue();
    assertThat(owner.versions()).isEqualTo(1);
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("two");
  }

  @Test
  void aStorageFailureIsAnsweredWithAnErrorRecordedAndStoredOnRetry() {
    Owner owner = new Owner("quota.docx", bytes("small"));
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.put("/api/admin/users/" + owner.id + "/quota", Map.of("quotaBytes", 64)).status()).isEqualTo(200);
    Map<String, Object> config = owner.signedConfig();
    byte[] big = bytes("x".repeat(4000));
    String url = ds.publish(big, "docx");
    Map<String, Object> body = DocumentServerSimulator.body(key(config), 2, url, "docx", List.of(owner.id));

    int[] retries = {0};
    List<Answer> answers =
        ds.deliver(callbackUrl(config), body, TokenIn.HEADER, 4,
            () -> {
              retries[0]++;
              if (retries[0] == 1) {
                // While it is failing, the owner and the admins see the unsaved change.
                List<Map<String, Object>> unsaved = owner.unsaved();
                assertThat(unsaved).hasSize(1);
                assertThat(unsaved.get(0).get("fileId")).isEqualTo(owner.fileId);
                assertThat(unsaved.get(0).get("state")).isEqualTo("failed");
                assertThat((String) unsaved.get(0).get("lastError")).isNotBlank();
                Reply list = admin.get("/api/admin/office/failed-saves?size=200");
                assertThat(list.status()).isEqualTo(200);
                assertThat(list.body()).contains(owner.fileId).doesNotContain("/cache/files/");
              }
              if (retries[0] == 2) {
                assertThat(admin.put("/api/admin/users/" + owner.id + "/quota", Map.of("quotaBytes", 1_000_000))
                    .status()).isEqualTo(200);
              }
            });
    assertThat(answers.get(0).ok()).isFalse();
    assertThat(answers.get(0).body()).contains("not yet saved");
    assertThat(answers.get(answers.size() - 1).ok()).isTrue();
    assertThat(owner.content()).isEqualTo(big);
    assertThat(owner.versions()).isEqualTo(1);
    assertThat(owner.unsaved()).isEmpty();
  }

  @Test
  void anAdminRetriesAFailedSave() {
    Owner owner = new Owner("retry.docx", bytes("before"));
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.put("/api/admin/users/" + owner.id + "/quota", Map.of("quotaBytes", 16)).status()).isEqualTo(200);
    Map<String, Object> config = owner.signedConfig();
    String url = ds.publish(bytes("after the retry by an admin"), "docx");
    assertThat(ds.post(callbackUrl(config), DocumentServerSimulator.body(key(config), 2, url, "docx",
        List.of(owner.id)), TokenIn.HEADER, ds.secret()).ok()).isFalse();
    String saveId = (String) owner.unsaved().get(0).get("id");

    assertThat(owner.client.post("/api/admin/office/failed-saves/" + saveId + "/retry", null).status()).isEqualTo(403);
    assertThat(admin.put("/api/admin/users/" + owner.id + "/quota", Map.of("quotaBytes", 1_000_000)).status())
        .isEqualTo(200);
    Reply retried = admin.post("/api/admin/office/failed-saves/" + saveId + "/retry", null);
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    assertThat(retried.string("state")).isEqualTo("saved");
    assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("after the retry by an admin");
    assertThat(owner.unsaved()).isEmpty();
  }

  @Test
  void newBlankDocumentsAreValidOfficeFiles() throws Exception {
    Owner owner = new Owner("placeholder.txt", bytes("p"));
    for (String[] kind : new String[][] {{"document", "docx", "word/document.xml"},
        {"spreadsheet", "xlsx", "xl/workbook.xml"}, {"presentation", "pptx", "ppt/presentation.xml"}}) {
      Reply created =
          owner.client.post("/api/office/documents", Map.of("folderId", "root", "name", "Plan", "kind", kind[0]));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.string("name")).isEqualTo("Plan." + kind[1]);
      byte[] zip = owner.client.getBytes("/api/files/" + created.string("id") + "/content", Map.of()).body();
      List<String> entries = new java.util.ArrayList<>();
      try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
        for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
          entries.add(entry.getName());
          javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
              .parse(new java.io.ByteArrayInputStream(in.readAllBytes()));
        }
      }
      assertThat(entries).startsWith("[Content_Types].xml").contains(kind[2]);
      assertThat(owner.client.get("/api/office/editor-config?fileId=" + created.string("id")).status()).isEqualTo(200);
    }
    Reply again = owner.client.post("/api/office/documents", Map.of("folderId", "root", "name", "Plan.docx",
        "kind", "document"));
    assertThat(again.string("name")).isEqualTo("Plan (2).docx");
    assertThat(owner.client.post("/api/office/documents", Map.of("folderId", "root", "name", "x", "kind", "movie"))
        .status()).isEqualTo(400);
    assertThat(new ApiClient().post("/api/office/documents", Map.of("folderId", "root", "name", "x",
        "kind", "document")).status()).isEqualTo(401);
  }

  @Test
  void theEditorPageMayLoadExactlyTheDocumentServer() {
    Reply page = new ApiClient().get("/documents/edit/" + java.util.UUID.randomUUID());
    String csp = page.header("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self' " + ds.url() + ";").contains("frame-src " + ds.url());
    String elsewhere = new ApiClient().get("/files").header("Content-Security-Policy").orElseThrow();
    assertThat(elsewhere).doesNotContain(ds.url());
  }

  @Test
  void anAdminSetsTheSecretWhichIsNeverShownBack() {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Owner owner = new Owner("secret.docx", bytes("s1"));
    String newSecret = "admin-set-secret-" + java.util.UUID.randomUUID();
    assertThat(owner.client.put("/api/admin/office/secret", Map.of("secret", newSecret)).status()).isEqualTo(403);
    assertThat(admin.put("/api/admin/office/secret", Map.of("secret", "short")).status()).isEqualTo(400);
    try {
      assertThat(admin.put("/api/admin/office/secret", Map.of("secret", newSecret)).status()).isEqualTo(204);
      Reply status = admin.get("/api/admin/office/status");
      assertThat(status.json()).containsEntry("secretConfigured", true).containsEntry("secretSource", "admin");
      assertThat(status.body()).doesNotContain(newSecret).doesNotContain(ds.secret());
      assertThat(admin.get("/api/admin/audit-events?type=admin.settings_change&size=500").body())
          .contains("office.tokenSecret").doesNotContain(newSecret);

      Map<String, Object> config = owner.signedConfig();
      // Signed with the new secret now: the environment's secret no longer verifies, the admin's does.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ds.verifyConfigToken((String) config.get("token")))
          .isInstanceOf(IllegalStateException.class);
      String url = ds.publish(bytes("s2"), "docx");
      Map<String, Object> body = DocumentServerSimulator.body(key(config), 2, url, "docx", List.of(owner.id));
      assertThat(ds.post(callbackUrl(config), body, TokenIn.HEADER, ds.secret()).ok()).isFalse();
      assertThat(ds.post(callbackUrl(config), body, TokenIn.HEADER, newSecret).ok()).isTrue();
      assertThat(new String(owner.content(), StandardCharsets.UTF_8)).isEqualTo("s2");
    } finally {
      assertThat(admin.delete("/api/admin/office/secret").status()).isEqualTo(204);
    }
    assertThat(admin.get("/api/admin/office/status").json()).containsEntry("secretSource", "environment");
    assertThat(ds.verifyConfigToken((String) owner.signedConfig().get("token"))).containsKey("document");
  }
}
