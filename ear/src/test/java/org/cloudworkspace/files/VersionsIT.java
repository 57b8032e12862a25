package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.BinaryReply;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Earlier contents kept on every overwrite: listed newest first, downloadable, restorable, deletable. */
class VersionsIT {

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyOverwriteKeepsThePreviousContentNewestFirst() throws Exception {
    FilesUser user = FilesUser.create();
    String id = FilesUser.str(user.upload("root", "doc.txt", "one"), "id");
    Thread.sleep(5);
    user.upload("root", "doc.txt", "two!");
    Thread.sleep(5);
    user.upload("root", "doc.txt", "three");

    List<Map<String, Object>> versions = user.client.get("/api/files/" + id + "/versions").jsonList();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).keySet()).containsExactlyInAnyOrder("id", "size", "sha256", "createdAt", "expiresAt");
    assertThat(versions).extracting(v -> v.get("sha256")).containsExactly(sha256("two!"), sha256("one"));
    assertThat(versions).extracting(v -> ((Number) v.get("size")).longValue()).containsExactly(4L, 3L);
    assertThat(versions.get(0).get("createdAt").toString()).isGreaterThan(versions.get(1).get("createdAt").toString());

    BinaryReply old = user.client.getBytes(
        "/api/files/" + id + "/versions/" + versions.get(1).get("id") + "/content", Map.of("Range", "bytes=1-"));
    assertThat(old.status()).isEqualTo(206);
    assertThat(new String(old.body(), StandardCharsets.UTF_8)).isEqualTo("ne");
    assertThat(old.headers("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
    assertThat(old.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
    assertThat(user.usedBytes()).isEqualTo(3 + 4 + 5);
  }

  @Test
  void restoringAVersionMakesTheCurrentContentAVersion() throws Exception {
    FilesUser user = FilesUser.create();
    String id = FilesUser.str(user.upload("root", "doc.txt", "old"), "id");
    user.upload("root", "doc.txt", "new");
    String oldVersion = FilesUser.str(user.client.get("/api/files/" + id + "/versions").jsonList().get(0), "id");

    Reply restored = user.client.post("/api/files/" + id + "/versions/" + oldVersion + "/restore", null);
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json()).containsEntry("id", id);
    assertThat(user.content(id)).isEqualTo("old");
    List<Map<String, Object>> versions = user.client.get("/api/files/" + id + "/versions").jsonList();
    assertThat(versions).extracting(v -> v.get("sha256")).containsExactly(sha256("new"));
    assertThat(user.usedBytes()).isEqualTo(6);
  }

  @Test
  void deletingAVersionFreesItsBytes() {
    FilesUser user = FilesUser.create();
    String id = FilesUser.str(user.upload("root", "doc.txt", "version one"), "id");
    user.upload("root", "doc.txt", "v2");
    String version = FilesUser.str(user.client.get("/api/files/" + id + "/versions").jsonList().get(0), "id");

    assertThat(user.client.delete("/api/files/" + id + "/versions/" + version).status()).isEqualTo(204);
    assertThat(user.client.get("/api/files/" + id + "/versions").jsonList()).isEmpty();
    assertThat(user.usedBytes()).isEqualTo(2);
    assertThat(user.client.delete("/api/files/" + id + "/versions/" + version).status()).isEqualTo(404);
    assertThat(user.content(id)).isEqualTo("v2");
  }

  @Test
  void versionsBelongToTheirFileAndTheirOwner() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String a = FilesUser.str(owner.upload("root", "a.txt", "a1"), "id");
    owner.upload("root", "a.txt", "a2");
    String b = FilesUser.str(owner.upload("root", "b.txt", "b1"), "id");
    String folder = FilesUser.str(owner.mkdir("root", "f"), "id");
    String versionOfA = FilesUser.str(owner.client.get("/api/files/" + a + "/versions").jsonList().get(0), "id");

    assertThat(owner.client.get("/api/files/" + b + "/versions/" + versionOfA + "/content").status()).isEqualTo(404);
    assertThat(owner.client.post("/api/files/" + b + "/versions/" + versionOfA + "/restore", null).status())
        .isEqualTo(404);
    assertThat(owner.client.get("/api/files/" + folder + "/versions").status()).isEqualTo(400);
    assertThat(owner.client.get("/api/files/" + a + "/versions/not-a-version/content").status()).isEqualTo(400);

    assertThat(other.client.get("/api/files/" + a + "/versions").status()).isEqualTo(404);
    assertThat(other.client.get("/api/files/" + a + "/versions/" + versionOfA + "/content").status()).isEqualTo(404);
    assertThat(other.client.post("/api/files/" + a + "/versions/" + versionOfA + "/restore", null).status())
        .isEqualTo(404);
    assertThat(other.client.delete("/api/files/" + a + "/versions/" + versionOfA).status()).isEqualTo(404);
    assertThat(owner.client.get("/api/files/" + a + "/versions").jsonList()).hasSize(1);

    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/files/" + a + "/versions").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/files/" + a + "/versions/" + versionOfA + "/content").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/files/" + a + "/versions/" + versionOfA + "/restore", null).status())
        .isEqualTo(401);
    assertThat(anonymous.delete("/api/files/" + a + "/versions/" + versionOfA).status()).isEqualTo(401);
  }
}
