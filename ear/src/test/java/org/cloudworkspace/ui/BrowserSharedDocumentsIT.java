package org.cloudworkspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.BrowserTest;
import org.cloudworkspace.it.office.DocumentServerSimulator;
import org.cloudworkspace.it.office.DocumentServerSimulator.TokenIn;
import org.junit.jupiter.api.Test;

/**
 * The browser test of documents in a share: an owner shares a folder read-only and is editing a document in it (a
 * status-1 callback from the simulator); frontend/e2e/office-shared.test.mjs signs in as the recipient, sees the
 * "editing" mark, opens the document — the simulator's api.js stand-in must receive view mode for the recipient —
 * and opens a markdown file read-only.
 */
class BrowserSharedDocumentsIT {

  @Test
  @SuppressWarnings("unchecked")
  void theRecipientOfAReadShareOpensTheDocumentInViewMode() throws Exception {
    DocumentServerSimulator ds = DocumentServerSimulator.shared();
    String stamp = Long.toString(System.currentTimeMillis());
    String ownerName = ApiClient.uniqueUsername("bshowner");
    String ownerPassword = ApiClient.strongPassword();
    String ownerId = ApiClient.createUser(ownerName, ownerPassword, "user");
    ApiClient owner = new ApiClient().signIn(ownerName, ownerPassword);
    String readerName = ApiClient.uniqueUsername("bshreader");
    String readerPassword = ApiClient.strongPassword();
    String readerId = ApiClient.createUser(readerName, readerPassword, "user");

    String folderName = "Board papers " + stamp;
    Reply folder = owner.post("/api/files/folders/root/folders", Map.of("name", folderName));
    assertThat(folder.status()).as(folder.body()).isEqualTo(201);
    String folderId = folder.string("id");
    String documentName = "agenda-" + stamp + ".docx";
    Reply document = owner.putBytes("/api/files/folders/" + folderId + "/files/" + documentName,
        "application/octet-stream", "the agenda".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(document.status()).as(document.body()).isEqualTo(201);
    String noteName = "notes-" + stamp + ".md";
    Reply note = owner.putBytes("/api/files/folders/" + folderId + "/files/" + noteName, "text/markdown",
        "# Notes\n\nShared notes.\n".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(note.status()).as(note.body()).isEqualTo(201);
    Reply share = owner.post("/api/shares/users",
        Map.of("nodeId", folderId, "username", readerName, "permission", "read"));
    assertThat(share.status()).as(share.body()).isEqualTo(201);

    // The owner has the document open in the Document Server.
    Reply ownerConfig = owner.get("/api/office/editor-config?fileId=" + document.string("id"));
    assertThat(ownerConfig.status()).as(ownerConfig.body()).isEqualTo(200);
    Map<String, Object> config = (Map<String, Object>) ownerConfig.json().get("config");
    String key = (String) ((Map<String, Object>) config.get("document")).get("key");
    String callbackUrl = (String) ((Map<String, Object>) config.get("editorConfig")).get("callbackUrl");
    assertThat(ds.deliver(callbackUrl, DocumentServerSimulator.body(key, 1, null, null, List.of(ownerId)),
        TokenIn.HEADER)).last().matches(DocumentServerSimulator.Answer::ok);

    int before = ds.browserOpenings().size();
    BrowserTest.run("office-shared.test.mjs", Map.of(
        "ONLYOFFICE_URL", ds.url(),
        "SHARE_USER", readerName,
        "SHARE_PASSWORD", readerPassword,
        "SHARE_FOLDER", folderName,
        "SHARE_DOCUMENT", documentName,
        "SHARE_NOTE", noteName,
        "SHARE_EDITOR", "User " + ownerName));
    assertThat(ds.browserOpenings()).hasSizeGreaterThan(before);
    Map<String, Object> claims = ds.browserOpenings().get(ds.browserOpenings().size() - 1);
    Map<String, Object> editorConfig = (Map<String, Object>) claims.get("editorConfig");
    assertThat((Map<String, Object>) claims.get("document")).containsEntry("title", documentName)
        .containsEntry("key", key);
    assertThat((Map<String, Object>) ((Map<String, Object>) claims.get("document")).get("permissions"))
        .containsEntry("edit", false);
    assertThat(editorConfig).containsEntry("mode", "view");
    assertThat((Map<String, Object>) editorConfig.get("user")).containsEntry("id", readerId);
  }
}
