package org.cloudworkspace.files.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.BinaryReply;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Shares with users: what a read-only and a read-write recipient can do through the REST API, that writes count
 * against the owner's quota, that the owner's changes apply at once, and that everything outside a share stays 404
 * and is audited.
 */
class UserSharesIT {

  @Test
  void aReadOnlyRecipientBrowsesAndDownloadsButCannotChangeAnything() {
    Sharer owner = Sharer.create();
    Sharer reader = Sharer.create();
    String projects = owner.mkdir("root", "Projects");
    String plans = owner.mkdir(projects, "Plans");
    owner.upload(plans, "plan.txt", "the plan");
    String readme = owner.upload(projects, "readme.txt", "hello reader");
    String secret = owner.upload("root", "secret.txt", "not shared");

    String shareId = owner.shareWith(projects, reader, "read");

    List<Map<String, Object>> incoming = reader.client.get("/api/shares/incoming").jsonList();
    assertThat(incoming).hasSize(1);
    assertThat(incoming.get(0)).containsEntry("id", shareId).containsEntry("permission", "read");
    @SuppressWarnings("unchecked")
    Map<String, Object> node = (Map<String, Object>) incoming.get(0).get("node");
    assertThat(node).containsEntry("id", projects).containsEntry("name", "Projects").containsEntry("parentId", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> sharedBy = (Map<String, Object>) incoming.get(0).get("owner");
    assertThat(sharedBy).containsEntry("username", owner.username);

    String base = "/api/shares/incoming/" + shareId;
    Reply listing = reader.client.get(base + "/folders/root/children");
    assertThat(listing.status()).as(listing.body()).isEqualTo(200);
    assertThat(listing.items()).extracting(i -> i.get("name")).containsExactly("Plans", "readme.txt");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> crumbs = (List<Map<String, Object>>) listing.json().get("breadcrumbs");
    assertThat(crumbs).extracting(c -> c.get("name")).containsExactly("Projects");

    Reply sub = reader.client.get(base + "/folders/" + plans + "/children");
    assertThat(sub.items()).extracting(i -> i.get("name")).containsExactly("plan.txt");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> subCrumbs = (List<Map<String, Object>>) sub.json().get("breadcrumbs");
    assertThat(subCrumbs).extracting(c -> c.get("name")).containsExactly("Projects", "Plans");

    BinaryReply download = reader.client.getBytes(base + "/files/" + readme + "/content", Map.of());
    assertThat(download.status()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("hello reader");
    assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains("readme.txt");
    BinaryReply range = reader.client.getBytes(base + "/files/" + readme + "/content", Map.of("Range", "bytes=0-4"));
    assertThat(range.status()).isEqualTo(206);
    assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("hello");

    Reply upload =
        reader.client.putBytes(base + "/folders/root/files/new.txt", "text/plain", "x".getBytes(), Map.of());
    assertThat(upload.status()).isEqualTo(403);
    assertThat(upload.string("detail")).contains("read-only");
    assertThat(reader.client.post(base + "/folders/root/folders", Map.of("name", "New")).status()).isEqualTo(403);
    assertThat(reader.client.patch(base + "/nodes/" + readme, Map.of("name", "x.txt")).status()).isEqualTo(403);
    assertThat(reader.client.delete(base + "/nodes/" + readme).status()).isEqualTo(403);
    assertThat(owner.names(projects)).containsExactly("Plans", "readme.txt");

    assertThat(new ApiClient().get("/api/shares/incoming").status()).isEqualTo(401);
    assertThat(new ApiClient().get(base + "/folders/root/children").status()).isEqualTo(401);
    Sharer stranger = Sharer.create();
    assertThat(stranger.client.get(base + "/folders/root/children").status()).isEqualTo(404);
    assertThat(owner.client.get(base + "/folders/root/children").status()).isEqualTo(404);
    assertThat(reader.client.get("/api/shares/incoming/not-an-id/folders/root/children").status()).isEqualTo(400);

    assertThat(secret).isNotNull();
  }

  @Test
  void idsOutsideTheShareAnswer404AndTheAttemptIsAudited() {
    Sharer owner = Sharer.create();
    Sharer reader = Sharer.create();
    String shared = owner.mkdir("root", "Shared");
    String secret = owner.upload("root", "secret.txt", "not for you");
    String shareId = owner.shareWith(shared, reader, "read-write");
    String base = "/api/shares/incoming/" + shareId;

    assertThat(reader.client.getBytes(base + "/files/" + secret + "/content", Map.of()).status()).isEqualTo(404);
    Reply viaShare = reader.client.get(base + "/nodes/" + secret);
    assertThat(viaShare.status()).isEqualTo(404);
    Reply unknown = reader.client.get(base + "/nodes/00000000-0000-4000-8000-000000000000");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(viaShare.string("title")).isEqualTo(unknown.string("title"));

    Reply moveOut = reader.client.patch(base + "/nodes/" + secret, Map.of("parentId", "root"));
    assertThat(moveOut.status()).isEqualTo(404);
    String inside = reader.client.post(base + "/folders/root/folders", Map.of("name", "Inside")).string("id");
    Reply moveToOwnerRoot = reader.client.patch(base + "/nodes/" + inside, Map.of("parentId", owner.rootId()));
    assertThat(moveToOwnerRoot.status()).isEqualTo(404);
    assertThat(owner.names("root")).containsExactly("Shared", "secret.txt");

    Reply direct = reader.client.get("/api/files/" + secret);
    assertThat(direct.status()).isEqualTo(404);
    assertThat(reader.client.getBytes("/api/files/" + shared + "/content", Map.of()).status()).isEqualTo(404);

    List<Map<String, Object>> denied = Sharer.audit("files.access_denied", reader.username);
    assertThat(denied).anySatisfy(e -> assertThat(e).containsEntry("target", "node " + secret)
        .containsEntry("details", "tried to reach a file or folder outside share " + shareId));
    assertThat(denied).anySatisfy(e -> assertThat(e).containsEntry("target", "node " + secret)
        .containsEntry("details", "tried to reach another user's file"));
  }

  @Test
  void aReadWriteRecipientUploadsRenamesMovesAndDeletesAgainstTheOwnersQuota() {
    Sharer owner = Sharer.create();
    Sharer writer = Sharer.create();
    String team = owner.mkdir("root", "Team");
    String docs = owner.mkdir(team, "Docs");
    String shareId = owner.shareWith(team, writer, "read-write");
    String base = "/api/shares/incoming/" + shareId;

    Reply upload =
        writer.client.putBytes(base + "/folders/root/files/notes.txt", "text/plain",
            "written by the recipient".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    String notes = upload.string("id");
    assertThat(owner.names(team)).containsExactly("Docs", "notes.txt");
    assertThat(owner.content(notes)).isEqualTo("written by the recipient");
    assertThat(owner.usedBytes()).isEqualTo(24);
    assertThat(writer.usedBytes()).isZero();

    Reply overwrite =
        writer.client.putBytes(base + "/folders/root/files/notes.txt", "text/plain", "v2".getBytes(), Map.of());
    assertThat(overwrite.status()).isEqualTo(200);
    assertThat(owner.content(notes)).isEqualTo("v2");

    Reply folder = writer.client.post(base + "/folders/" + docs + "/folders", Map.of("name", "Drafts"));
    assertThat(folder.status()).isEqualTo(201);
    Reply renamed = writer.client.patch(base + "/nodes/" + notes, Map.of("name", "minutes.txt"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(renamed.string("name")).isEqualTo("minutes.txt");
    Reply moved = writer.client.patch(base + "/nodes/" + notes, Map.of("parentId", docs));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(owner.names(docs)).containsExactly("Drafts", "minutes.txt");

    assertThat(writer.client.patch(base + "/nodes/root", Map.of("name", "Mine")).status()).isEqualTo(403);
    assertThat(writer.client.patch(base + "/nodes/" + team, Map.of("name", "Mine")).status()).isEqualTo(403);
    assertThat(writer.client.delete(base + "/nodes/" + team).status()).isEqualTo(403);

    assertThat(writer.client.delete(base + "/nodes/" + notes).status()).isEqualTo(204);
    assertThat(owner.names(docs)).containsExactly("Drafts");
    assertThat(owner.client.get("/api/files/trash").jsonList()).extracting(t -> t.get("name"))
        .contains("minutes.txt");

    owner.quota(owner.usedBytes() + 10);
    Reply tooBig =
        writer.client.putBytes(base + "/folders/root/files/big.bin", "application/octet-stream", new byte[100],
            Map.of());
    assertThat(tooBig.status()).isEqualTo(507);
    assertThat(tooBig.string("detail")).contains("free");
    Reply fits =
        writer.client.putBytes(base + "/folders/root/files/small.bin", "application/octet-stream", new byte[10],
            Map.of());
    assertThat(fits.status()).isEqualTo(201);
    assertThat(writer.usedBytes()).isZero();
  }

  @Test
  void theOwnerListsChangesAndRemovesSharesAndRemovalCutsAccessAtOnce() {
    Sharer owner = Sharer.create();
    Sharer recipient = Sharer.create();
    String folder = owner.mkdir("root", "Reports");
    String file = owner.upload(folder, "q1.txt", "numbers");
    String shareId = owner.shareWith(folder, recipient, "read");
    String base = "/api/shares/incoming/" + shareId;

    Reply shares = owner.client.get("/api/shares?nodeId=" + folder);
    assertThat(shares.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> users = (List<Map<String, Object>>) shares.json().get("users");
    assertThat(users).hasSize(1);
    assertThat(users.get(0)).containsEntry("id", shareId).containsEntry("permission", "read");
    assertThat(owner.client.get("/api/shares/marks").jsonList())
        .containsExactly(Map.of("nodeId", folder, "withUsers", true, "byLink", false));

    Reply duplicate =
        owner.client.post("/api/shares/users",
            Map.of("nodeId", folder, "username", recipient.username, "permission", "read-write"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(owner.client.post("/api/shares/users",
        Map.of("nodeId", folder, "username", "nobody-" + System.nanoTime())).status()).isEqualTo(400);
    assertThat(owner.client.post("/api/shares/users",
        Map.of("nodeId", folder, "username", owner.username)).status()).isEqualTo(400);
    assertThat(owner.client.post("/api/shares/users",
        Map.of("nodeId", folder, "username", recipient.username, "permission", "admin")).status()).isEqualTo(400);
    assertThat(owner.client.post("/api/shares/users",
        Map.of("nodeId", owner.rootId(), "username", recipient.username)).status()).isEqualTo(400);

    Sharer other = Sharer.create();
    assertThat(other.client.post("/api/shares/users",
        Map.of("nodeId", folder, "username", recipient.username)).status()).isEqualTo(404);
    assertThat(other.client.get("/api/shares?nodeId=" + folder).status()).isEqualTo(404);
    assertThat(other.client.patch("/api/shares/users/" + shareId, Map.of("permission", "read-write")).status())
        .isEqualTo(404);
    assertThat(other.client.delete("/api/shares/" + shareId).status()).isEqualTo(404);
    assertThat(new ApiClient().post("/api/shares/users", Map.of("nodeId", folder, "username", "x")).status())
        .isEqualTo(401);

    assertThat(recipient.client.post(base + "/folders/root/folders", Map.of("name", "A")).status()).isEqualTo(403);
    Reply changed = owner.client.patch("/api/shares/users/" + shareId, Map.of("permission", "read-write"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.string("permission")).isEqualTo("read-write");
    assertThat(recipient.client.post(base + "/folders/root/folders", Map.of("name", "A")).status()).isEqualTo(201);

    assertThat(recipient.client.getBytes(base + "/files/" + file + "/content", Map.of()).status()).isEqualTo(200);
    assertThat(owner.client.delete("/api/shares/" + shareId).status()).isEqualTo(204);
    assertThat(recipient.client.getBytes(base + "/files/" + file + "/content", Map.of()).status()).isEqualTo(404);
    assertThat(recipient.client.get(base + "/folders/root/children").status()).isEqualTo(404);
    assertThat(recipient.client.get("/api/shares/incoming").jsonList()).isEmpty();
    assertThat(owner.client.get("/api/shares/marks").jsonList()).isEmpty();

    List<Map<String, Object>> events = Sharer.audit("files.share_create", owner.username);
    assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("target", "share " + shareId)
        .containsEntry("details", "folder 'Reports' with " + recipient.username + " (read)"));
    assertThat(Sharer.audit("files.share_change", owner.username)).anySatisfy(e -> assertThat(e)
        .containsEntry("details", "permission read -> read-write"));
    assertThat(Sharer.audit("files.share_remove", owner.username)).anySatisfy(e -> assertThat(e)
        .containsEntry("target", "share " + shareId)
        .containsEntry("details", "share with " + recipient.username + " removed"));
  }

  @Test
  void aRecipientCanLeaveAndASharedItemInTheTrashDisappearsUntilRestored() {
    Sharer owner = Sharer.create();
    Sharer recipient = Sharer.create();
    String a = owner.mkdir("root", "A");
    String b = owner.upload("root", "b.txt", "bee");
    String shareA = owner.shareWith(a, recipient, "read");
    String shareB = owner.shareWith(b, recipient, "read");
    assertThat(recipient.client.get("/api/shares/incoming").jsonList()).hasSize(2);

    assertThat(owner.client.delete("/api/files/" + a).status()).isEqualTo(204);
    assertThat(recipient.client.get("/api/shares/incoming").jsonList()).extracting(s -> s.get("id"))
        .containsExactly(shareB);
    assertThat(recipient.client.get("/api/shares/incoming/" + shareA + "/folders/root/children").status())
        .isEqualTo(404);
    assertThat(owner.client.post("/api/files/trash/" + a + "/restore", Map.of()).status()).isEqualTo(200);
    assertThat(recipient.client.get("/api/shares/incoming").jsonList()).hasSize(2);

    BinaryReply file = recipient.client.getBytes("/api/shares/incoming/" + shareB + "/files/root/content", Map.of());
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("bee");

    assertThat(recipient.client.delete("/api/shares/incoming/" + shareB).status()).isEqualTo(204);
    assertThat(recipient.client.get("/api/shares/incoming").jsonList()).extracting(s -> s.get("id"))
        .containsExactly(shareA);
    assertThat((List<?>) owner.client.get("/api/shares?nodeId=" + b).json().get("users")).isEmpty();
    assertThat(recipient.client.delete("/api/shares/incoming/" + shareB).status()).isEqualTo(404);
  }
}
