package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.BinaryReply;
import org.junit.jupiter.api.Test;

/** Folders downloaded as zip archives built on the fly. */
class ZipIT {

  private static Map<String, String> entries(byte[] zip) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), entry.isDirectory() ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }

  @Test
  void aFolderDownloadsAsAZipWithEverythingInIt() throws Exception {
    FilesUser user = FilesUser.create();
    String docs = FilesUser.str(user.mkdir("root", "Docs"), "id");
    String sub = FilesUser.str(user.mkdir(docs, "Unterordner ü"), "id");
    user.mkdir(docs, "empty");
    user.upload(docs, "a.txt", "alpha");
    user.upload(sub, "b.txt", "beta");
    user.upload("root", "outside.txt", "not in the zip");

    BinaryReply reply = user.client.getBytes("/api/files/" + docs + "/zip", Map.of());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
    assertThat(reply.header("Content-Disposition")).contains("attachment; filename=\"Docs.zip\"; filename*=UTF-8''Docs.zip");
    assertThat(reply.headers("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");

    Map<String, String> entries = entries(reply.body());
    assertThat(entries.keySet())
        .containsExactly("Docs/", "Docs/Unterordner ü/", "Docs/Unterordner ü/b.txt", "Docs/a.txt", "Docs/empty/");
    assertThat(entries).containsEntry("Docs/a.txt", "alpha").containsEntry("Docs/Unterordner ü/b.txt", "beta");
  }

  @Test
  void theRootDownloadsWithoutATopFolder() throws Exception {
    FilesUser user = FilesUser.create();
    String f = FilesUser.str(user.mkdir("root", "f"), "id");
    user.upload(f, "x.txt", "x");
    user.upload("root", "y.txt", "y");
    BinaryReply reply = user.client.getBytes("/api/files/root/zip", Map.of());
    assertThat(reply.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("files.zip"));
    Map<String, String> entries = entries(reply.body());
    assertThat(entries.keySet()).containsExactly("f/", "f/x.txt", "y.txt");
    assertThat(entries).containsEntry("f/x.txt", "x").containsEntry("y.txt", "y");
  }

  @Test
  void onlyOwnFoldersAndWithAToken() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String folder = FilesUser.str(owner.mkdir("root", "f"), "id");
    String file = FilesUser.str(owner.upload("root", "a.txt", "a"), "id");
    assertThat(owner.client.get("/api/files/" + file + "/zip").status()).isEqualTo(400);
    assertThat(other.client.get("/api/files/" + folder + "/zip").status()).isEqualTo(404);
    assertThat(new ApiClient().get("/api/files/" + folder + "/zip").status()).isEqualTo(401);
  }
}
