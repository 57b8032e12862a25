package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.files.TusClient.meta;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Resumable uploads over tus 1.0 against the real server: chunks, resume, checksums, termination, expiry, quota. */
class ResumableUploadIT {

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size * 31L).nextBytes(bytes);
    return bytes;
  }

  private static Path staged(String uploadPath) {
    String id = uploadPath.substring(uploadPath.lastIndexOf('/') + 1);
    return TestServers.dataDir().resolve("storage").resolve("staging").resolve(id);
  }

  private static Map<String, Object> fileNamed(FilesUser user, String folderId, String name) {
    return user.items(folderId).stream()
        .filter(i -> name.equals(i.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + user.names(folderId)));
  }

  private static byte[] download(FilesUser user, String fileId) {
    ApiClient.BinaryReply reply = user.client.getBytes("/api/files/" + fileId + "/content", Map.of());
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  @Test
  void optionsTellsTheVersionExtensionsChecksumsAndLargestUploadWithoutSigningIn() {
    Reply reply = new ApiClient().send(new ApiClient().http11(TusClient.ENDPOINT)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("Tus-Version")).contains("1.0.0");
    assertThat(reply.header("Tus-Resumable")).contains("1.0.0");
    assertThat(reply.header("Tus-Extension").orElseThrow().split(","))
        .contains("creation", "termination", "checksum", "expiration");
    assertThat(reply.header("Tus-Checksum-Algorithm").orElseThrow().split(",")).contains("sha1", "sha256");
    assertThat(Long.parseLong(reply.header("Tus-Max-Size").orElseThrow())).isPositive();
  }

  @Test
  void aFileUploadedInChunksAppearsWithItsExactBytesOnlyOnceComplete() throws Exception {
    FilesUser user = FilesUser.create();
    String folder = str(user.mkdir("root", "Videos"), "id");
    TusClient tus = new TusClient(user.client);
    byte[] content = random(3 * 1024 * 1024 + 17);

    Reply created = tus.create(content.length,
        meta("filename", "holiday clip.mp4", "folderId", folder, "filetype", "video/mp4"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Tus-Resumable")).contains("1.0.0");
    assertThat(created.header("Upload-Expires")).isPresent();
    String path = java.net.URI.create(created.header("Location").orElseThrow()).getRawPath();
    assertThat(path).startsWith("/api/files/uploads/");

    int chunk = 1024 * 1024;
    long offset = 0;
    while (offset < content.length) {
      assertThat(user.names(folder)).as("nothing is visible before the last byte").isEmpty();
      byte[] part = Arrays.copyOfRange(content, (int) offset, (int) Math.min(content.length, offset + chunk));
      Reply patched = tus.patch(path, offset, part, TusClient.checksum(offset == 0 ? "sha1" : "sha256", part));
      assertThat(patched.status()).as(patched.body()).isEqualTo(204);
      offset += part.length;
      assertThat(patched.header("Upload-Offset")).contains(Long.toString(offset));
      if (offset < content.length) {
        Reply head = tus.head(path);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).contains(Long.toString(offset));
        assertThat(head.header("Upload-Length")).contains(Long.toString(content.length));
        assertThat(head.header("Cache-Control")).contains("no-store");
        assertThat(head.header("Upload-Metadata").orElseThrow()).contains("filename " + TusClient.b64("holiday clip.mp4"));
        assertThat(Files.size(staged(path))).isEqualTo(offset);
      }
    }

    Map<String, Object> file = fileNamed(user, folder, "holiday clip.mp4");
    assertThat(FilesUser.num(file, "size")).isEqualTo(content.length);
    assertThat(str(file, "mimeType")).isEqualTo("video/mp4");
    assertThat(TusClient.sha256Hex(download(user, str(file, "id")))).isEqualTo(TusClient.sha256Hex(content));
    assertThat(user.usedBytes()).isEqualTo(content.length);
    // A client that lost the last answer learns the upload is complete; the staged bytes are gone.
    assertThat(tus.head(path).header("Upload-Offset")).contains(Long.toString(content.length));
    assertThat(staged(path)).doesNotExist();
  }

  @Test
  void overwritingKeepsTheOldContentAsAVersionAndIfMatchIsChecked() throws Exception {
    FilesUser user = FilesUser.create();
    Map<String, Object> original = user.upload("root", "notes.txt", "first");
    TusClient tus = new TusClient(user.client);

    Reply stale = tus.create(6, meta("filename", "notes.txt", "ifMatch", "\"not-the-etag\""));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

    Reply taken = tus.create(6, meta("filename", "notes.txt", "onConflict", "fail"));
    assertThat(taken.status()).isEqualTo(409);

    String path = tus.start(6, meta("filename", "notes.txt", "ifMatch", str(original, "etag")));
    tus.finish(path, "second".getBytes(), 4);

    assertThat(user.content(str(original, "id"))).isEqualTo("second");
    List<Map<String, Object>> versions = user.client.get("/api/files/" + str(original, "id") + "/versions").jsonList();
    assertThat(versions).hasSize(1);
    assertThat(FilesUser.num(versions.get(0), "size")).isEqualTo(5);

    String renamed = tus.start(5, meta("filename", "notes.txt", "onConflict", "rename"));
    tus.finish(renamed, "third".getBytes(), 5);
    assertThat(user.names("root")).containsExactlyInAnyOrder("notes.txt", "notes (2).txt");
  }

  @Test
  void anUploadResumesAfterTheConnectionDropsMidChunkFromWhatWasDurablyReceived() throws Exception {
    FilesUser user = FilesUser.create();
    TusClient tus = new TusClient(user.client);
    byte[] content = random(4 * 1024 * 1024);
    String path = tus.start(content.length, meta("filename", "dropped.bin"));

    tus.patchAndDrop(path, 0, content, 1536 * 1024);

    long offset = settledOffset(tus, path);
    assertThat(offset).isPositive().isLessThanOrEqualTo(1536 * 1024);
    assertThat(user.names("root")).isEmpty();

    Reply last = tus.finish(path, content, 1024 * 1024);
    assertThat(last.header("Upload-Offset")).contains(Long.toString(content.length));
    Map<String, Object> file = fileNamed(user, "root", "dropped.bin");
    assertThat(TusClient.sha256Hex(download(user, str(file, "id")))).isEqualTo(TusClient.sha256Hex(content));
  }

  /** The offset once the server noticed the dropped connection and recorded what it had. */
  private static long settledOffset(TusClient tus, String path) throws InterruptedException {
    long previous = -1;
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      long offset = tus.offset(path);
      if (offset > 0 && offset == previous) {
        return offset;
      }
      previous = offset;
      Thread.sleep(500);
    }
    return previous;
  }

  @Test
  void aPatchAtTheWrongOffsetIsRefusedWith409AndTheRightOffset() {
    FilesUser user = FilesUser.create();
    TusClient tus = new TusClient(user.client);
    String path = tus.start(100, meta("filename", "a.bin"));
    assertThat(tus.patch(path, 0, new byte[40], null).status()).isEqualTo(204);

    Reply wrong = tus.patch(path, 10, new byte[40], null);
    assertThat(wrong.status()).isEqualTo(409);
    assertThat(wrong.header("Upload-Offset")).contains("40");
    assertThat(wrong.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(wrong.string("detail")).contains("40");
    assertThat(tus.offset(path)).isEqualTo(40);

    Reply tooLong = tus.patch(path, 40, new byte[61], null);
    assertThat(tooLong.status()).isEqualTo(413);
    assertThat(tus.offset(path)).isEqualTo(40);
  }

  @Test
  void aChunkWhoseChecksumDoesNotMatchIsDiscardedWith460() throws Exception {
    FilesUser user = FilesUser.create();
    TusClient tus = new TusClient(user.client);
    byte[] content = random(200_000);
    String path = tus.start(content.length, meta("filename", "checked.bin"));
    byte[] first = Arrays.copyOf(content, 100_000);

    Reply mismatch = tus.patch(path, 0, first, TusClient.checksum("sha1", new byte[] {1, 2, 3}));
    assertThat(mismatch.status()).isEqualTo(460);
    assertThat(mismatch.string("title")).isEqualTo("Checksum mismatch");
    assertThat(tus.offset(path)).isZero();
    assertThat(Files.size(staged(path))).isZero();

    Reply md5 = tus.patch(path, 0, first, "md5 AAAAAAAAAAAAAAAAAAAAAA==");
    assertThat(md5.status()).isEqualTo(400);

    assertThat(tus.patch(path, 0, first, TusClient.checksum("sha256", first)).status()).isEqualTo(204);
    tus.finish(path, content, 100_000);
    assertThat(FilesUser.num(fileNamed(user, "root", "checked.bin"), "size")).isEqualTo(content.length);
  }

  @Test
  void terminatingAnUploadDeletesItsBytes() {
    FilesUser user = FilesUser.create();
    TusClient tus = new TusClient(user.client);
    String path = tus.start(1000, meta("filename", "cancelled.bin"));
    assertThat(tus.patch(path, 0, new byte[500], null).status()).isEqualTo(204);
    assertThat(staged(path)).exists();

    assertThat(tus.delete(path).status()).isEqualTo(204);
    assertThat(tus.head(path).status()).isEqualTo(404);
    assertThat(tus.patch(path, 500, new byte[500], null).status()).isEqualTo(404);
    assertThat(staged(path)).doesNotExist();
    assertThat(user.names("root")).isEmpty();
  }

  @Test
  void anAbandonedUploadExpiresAndHousekeepingDeletesItsBytes() throws Exception {
    FilesUser user = FilesUser.create();
    TusClient tus = new TusClient(user.client);
    Reply created = tus.create(1000, meta("filename", "abandoned.bin"));
    String path = java.net.URI.create(created.header("Location").orElseThrow()).getRawPath();
    assertThat(tus.patch(path, 0, new byte[300], null).status()).isEqualTo(204);
    assertThat(staged(path)).exists();

    // The test servers let uploads expire after FILES_UPLOAD_EXPIRY_SECONDS (it-servers.sh) without bytes.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while ((Files.exists(staged(path)) || tus.head(path).status() != 404) && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
    }
    assertThat(tus.head(path).status()).isEqualTo(404);
    assertThat(staged(path)).doesNotExist();
    assertThat(user.names("root")).isEmpty();
  }

  @Test
  void theQuotaIsCheckedAgainstUploadLengthAtCreationAndAgainWhenTheLastByteArrives() throws Exception {
    FilesUser user = FilesUser.create();
    user.quota(1_000_000);
    TusClient tus = new TusClient(user.client);

    Reply tooBig = tus.create(2_000_000, meta("filename", "big.bin"));
    assertThat(tooBig.status()).isEqualTo(507);
    assertThat(tooBig.string("detail")).contains("free");

    String path = tus.start(600_000, meta("filename", "late.bin"));
    assertThat(tus.patch(path, 0, new byte[300_000], null).status()).isEqualTo(204);
    user.uploadReply("root", "meanwhile.bin", new byte[600_000], "application/octet-stream");
    Reply last = tus.patch(path, 300_000, new byte[300_000], null);
    assertThat(last.status()).isEqualTo(507);
    assertThat(last.string("detail")).contains("free");
    assertThat(user.names("root")).containsExactly("meanwhile.bin");
    assertThat(user.usedBytes()).isEqualTo(600_000);
    assertThat(tus.head(path).status()).isEqualTo(404);
    assertThat(staged(path)).doesNotExist();
  }

  @Test
  void anotherUsersUploadIsNotFoundAndStaysUntouched() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    TusClient mine = new TusClient(owner.client);
    TusClient theirs = new TusClient(other.client);
    String path = mine.start(100, meta("filename", "private.bin"));
    assertThat(mine.patch(path, 0, new byte[50], null).status()).isEqualTo(204);

    assertThat(theirs.head(path).status()).isEqualTo(404);
    assertThat(theirs.patch(path, 50, new byte[50], null).status()).isEqualTo(404);
    assertThat(theirs.delete(path).status()).isEqualTo(404);
    assertThat(new TusClient(new ApiClient()).head(path).status()).isEqualTo(401);

    assertThat(mine.offset(path)).isEqualTo(50);
    assertThat(other.names("root")).isEmpty();
  }

  @Test
  void requestsWithoutTheProtocolVersionOrWithAWrongBodyTypeAreRefused() {
    FilesUser user = FilesUser.create();
    Reply noVersion =
        user.client.send(user.client.http11(TusClient.ENDPOINT)
            .header("Upload-Length", "10")
            .header("Upload-Metadata", "filename " + TusClient.b64("x.bin"))
            .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(noVersion.status()).isEqualTo(412);
    assertThat(noVersion.header("Tus-Version")).contains("1.0.0");

    TusClient tus = new TusClient(user.client);
    assertThat(tus.create(10, meta("folderId", "root")).status()).isEqualTo(400);
    assertThat(tus.create(10, meta("filename", "../x")).status()).isEqualTo(400);
    String path = tus.start(10, meta("filename", "x.bin"));
    Reply wrongType =
        user.client.send(user.client.http11(path)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[10])));
    assertThat(wrongType.status()).isEqualTo(415);
  }

  @Test
  void anEmptyFileIsCompleteAtCreation() {
    FilesUser user = FilesUser.create();
    Reply created = new TusClient(user.client).create(0, meta("filename", "empty.txt"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Upload-Offset")).contains("0");
    assertThat(FilesUser.num(fileNamed(user, "root", "empty.txt"), "size")).isZero();
  }

  private static String str(Map<String, Object> json, String field) {
    return FilesUser.str(json, field);
  }
}
