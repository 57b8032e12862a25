package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.BinaryReply;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Streamed uploads (create, overwrite, conflicts, preconditions, chunked, short bodies) and downloads (entity tags,
 * ranges, disposition, the headers that keep user content from running in our origin).
 */
class UploadDownloadIT {

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  /** Uploads {@code content} to the user's root as {@code name}; answers the REST path of its content. */
  private static String uploadedContent(FilesUser user, String name, byte[] content) {
    Reply uploaded = user.uploadReply("root", name, content, "application/octet-stream");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    return "/api/files/" + FilesUser.str(uploaded.json(), "id") + "/content";
  }

  /** The Basic authorization of the user's account password, for WebDAV. */
  private static String basic(FilesUser user) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user.username + ":" + user.password).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void anUploadCreatesAFileAndASecondOneOverwritesItKeepingTheOldContentAsAVersion() throws Exception {
    FilesUser user = FilesUser.create();
    byte[] first = random(300_000);
    Reply created = user.uploadReply("root", "data.bin", first, "application/x-custom");

    assertThat(created.status()).isEqualTo(201);
    Map<String, Object> file = created.json();
    assertThat(file).containsEntry("name", "data.bin").containsEntry("type", "file")
        .containsEntry("mimeType", "application/x-custom").containsEntry("parentId", user.rootId());
    assertThat(FilesUser.num(file, "size")).isEqualTo(300_000);
    assertThat(created.header("ETag")).contains(FilesUser.str(file, "etag"));
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/files/" + file.get("id")));

    BinaryReply download = user.client.getBytes("/api/files/" + file.get("id") + "/content", Map.of());
    assertThat(download.body()).isEqualTo(first);

    byte[] second = random(1234);
    Reply overwritten = user.uploadReply("root", "data.bin", second, "application/x-custom");
    assertThat(overwritten.status()).isEqualTo(200);
    assertThat(overwritten.string("id")).isEqualTo(file.get("id"));
    assertThat(overwritten.string("etag")).isNotEqualTo(file.get("etag"));
    assertThat(user.client.getBytes("/api/files/" + file.get("id") + "/content", Map.of()).body()).isEqualTo(second);

    List<Map<String, Object>> versions = user.client.get("/api/files/" + file.get("id") + "/versions").jsonList();
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0)).containsEntry("sha256", sha256(first));
    assertThat(FilesUser.num(versions.get(0), "size")).isEqualTo(300_000);
    assertThat(user.usedBytes()).isEqualTo(300_000 + 1234);
  }

  @Test
  void theTypeComesFromAKnownExtensionElseFromTheClient() {
    FilesUser user = FilesUser.create();
    assertThat(user.uploadReply("root", "photo.PNG", random(10), null).string("mimeType")).isEqualTo("image/png");
    assertThat(user.uploadReply("root", "doc.pdf", random(10), "application/octet-stream").string("mimeType"))
        .isEqualTo("application/pdf");
    assertThat(user.uploadReply("root", "noext", random(10), null).string("mimeType"))
        .isEqualTo("application/octet-stream");
    // curl --data-binary and some scripts send a form encoding; a known extension decides over any client type.
    assertThat(user.uploadReply("root", "notes.md", random(10), "application/x-www-form-urlencoded").string("mimeType"))
        .isEqualTo("text/markdown");
    assertThat(user.uploadReply("root", "blob", random(10), "application/x-www-form-urlencoded").string("mimeType"))
        .isEqualTo("application/octet-stream");
  }

  @Test
  void namesAreUrlDecodedThenChecked() {
    FilesUser user = FilesUser.create();
    Reply unicode = user.uploadReply("root", "Größe € 🎉 100% (1).txt", random(3), "text/plain");
    assertThat(unicode.status()).isEqualTo(201);
    assertThat(unicode.string("name")).isEqualTo("Größe € 🎉 100% (1).txt");

    // A control character in the path is refused by the web container itself, before the application sees it.
    assertThat(user.client.putBytes("/api/files/folders/root/files/a%0Ab", "text/plain", random(1), Map.of()).status())
        .isEqualTo(400);
    assertThat(user.client.putBytes("/api/files/folders/root/files/%20x", null, random(1), Map.of()).status())
        .isEqualTo(400);
    assertThat(user.names("root")).containsExactly("Größe € 🎉 100% (1).txt");
  }

  @Test
  void conflictsAreReplacedRenamedOrRefusedAsAsked() {
    FilesUser user = FilesUser.create();
    user.upload("root", "a.txt", "one");
    user.mkdir("root", "folder");

    Reply renamed = user.client.putBytes("/api/files/folders/root/files/a.txt?onConflict=rename", "text/plain",
        "two".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(renamed.status()).isEqualTo(201);
    assertThat(renamed.string("name")).isEqualTo("a (2).txt");

    Reply refused = user.client.putBytes("/api/files/folders/root/files/a.txt?onConflict=fail", "text/plain",
        "three".getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(user.client.putBytes("/api/files/folders/root/files/folder", "text/plain", random(2), Map.of()).status())
        .as("a file cannot replace a folder").isEqualTo(409);
    assertThat(user.client.putBytes("/api/files/folders/root/files/a.txt?onConflict=merge", "text/plain", random(2),
        Map.of()).status()).isEqualTo(400);

    assertThat(user.names("root")).containsExactly("folder", "a (2).txt", "a.txt");
    String a = FilesUser.str(user.items("root").get(2), "id");
    assertThat(user.content(a)).isEqualTo("one");
  }

  @Test
  void ifMatchMakesTheWriteConditionalAndIfNoneMatchRequiresAFreeName() {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.upload("root", "doc.txt", "v1");
    String etag = FilesUser.str(file, "etag");

    Reply matching = user.client.putBytes("/api/files/folders/root/files/doc.txt", "text/plain",
        "v2".getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag));
    assertThat(matching.status()).isEqualTo(200);

    Reply stale = user.client.putBytes("/api/files/folders/root/files/doc.txt", "text/plain",
        "v3".getBytes(StandardCharsets.UTF_8), Map.of("If-Match", etag));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.string("detail")).contains("changed since you loaded it");
    assertThat(user.content(FilesUser.str(file, "id"))).isEqualTo("v2");

    assertThat(user.client.putBytes("/api/files/folders/root/files/missing.txt", "text/plain", random(1),
        Map.of("If-Match", etag)).status()).isEqualTo(412);
    assertThat(user.client.putBytes("/api/files/folders/root/files/doc.txt", "text/plain", random(1),
        Map.of("If-None-Match", "*")).status()).isEqualTo(412);
    assertThat(user.client.putBytes("/api/files/folders/root/files/new.txt", "text/plain", random(1),
        Map.of("If-None-Match", "*")).status()).isEqualTo(201);
    assertThat(user.names("root")).containsExactly("doc.txt", "new.txt");
  }

  @Test
  void withoutIfMatchTheLastCompleteWriteWinsAndTheOtherIsAVersion() {
    FilesUser user = FilesUser.create();
    String id = FilesUser.str(user.upload("root", "shared.txt", "base"), "id");
    user.upload("root", "shared.txt", "writer A");
    user.upload("root", "shared.txt", "writer B");
    assertThat(user.content(id)).isEqualTo("writer B");
    List<Map<String, Object>> versions = user.client.get("/api/files/" + id + "/versions").jsonList();
    assertThat(versions).hasSize(2);
    assertThat(user.client.getBytes("/api/files/" + id + "/versions/" + versions.get(0).get("id") + "/content",
        Map.of()).body()).isEqualTo("writer A".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aChunkedBodyIsStreamedWhole() throws Exception {
    FilesUser user = FilesUser.create();
    byte[] content = random(2_000_000);
    Reply reply = user.client.putChunked("/api/files/folders/root/files/big.bin", "application/octet-stream",
        () -> new ByteArrayInputStream(content), Map.of());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(FilesUser.num(reply.json(), "size")).isEqualTo(2_000_000);
    String versionless = FilesUser.str(reply.json(), "id");
    assertThat(sha256(user.client.getBytes("/api/files/" + versionless + "/content", Map.of()).body()))
        .isEqualTo(sha256(content));
  }

  @Test
  void anUploadWithoutLengthIsRefusedWith411() {
    FilesUser user = FilesUser.create();
    RawHttp.Answer answer =
        RawHttp.send("PUT", "/api/files/folders/root/files/x.txt", user.client.accessToken(), "", null);
    assertThat(answer.status()).isEqualTo(411);
    assertThat(answer.text()).contains("Content-Length");
    assertThat(user.items("root")).isEmpty();
  }

  @Test
  void aBodyShorterThanItsContentLengthLeavesNothingBehind() throws Exception {
    FilesUser user = FilesUser.create();
    user.upload("root", "keep.txt", "keep");
    long usedBefore = user.usedBytes();
    long blobsBefore = blobFiles().size();

    RawHttp.Answer answer =
        RawHttp.sendShort("/api/files/folders/root/files/short.bin", user.client.accessToken(), 100_000, random(1000));

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.text()).contains("100000 announced bytes").contains("nothing was stored");
    assertThat(user.names("root")).containsExactly("keep.txt");
    assertThat(user.usedBytes()).isEqualTo(usedBefore);
    assertThat(FilesUser.num(user.client.get("/api/files/search?q=short").json(), "total")).isZero();
    assertThat(tempFiles()).isEmpty();
    assertThat(blobFiles()).hasSize((int) blobsBefore);
  }

  @Test
  void downloadsCarryTheirEntityTagAndSafeHeaders() {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.upload("root", "Résumé \"final\".txt", "hello world");
    BinaryReply reply = user.client.getBytes("/api/files/" + file.get("id") + "/content", Map.of());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).contains(FilesUser.str(file, "etag"));
    assertThat(reply.header("Accept-Ranges")).contains("bytes");
    assertThat(reply.header("Content-Length")).contains("11");
    assertThat(reply.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(reply.header("Content-Disposition"))
        .contains("attachment; filename=\"R_sum_ _final_.txt\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.txt");
    assertThat(reply.headers("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(reply.headers("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
    assertThat(reply.header("Last-Modified")).isPresent();
  }

  /**
   * Whole files leave through the container's file send (sendfile): the log says it is in use, the bytes arrive
   * whole over REST and WebDAV, and a HEAD on the same keep-alive connection sends no body (the next answer would be
   * garbled otherwise).
   */
  @Test
  void wholeFilesAreSentWithSendfileAndArriveIntact() throws Exception {
    FilesUser user = FilesUser.create();
    byte[] content = random(3_000_000);
    String path = uploadedContent(user, "sent.bin", content);

    BinaryReply whole = user.client.getBytes(path, Map.of());
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Content-Length")).contains("3000000");
    assertThat(sha256(whole.body())).isEqualTo(sha256(content));
    assertThat(Files.readString(TestServers.dataDir().resolve("liberty/workspace/logs/messages.log")))
        .contains("Downloads are sent with sendfile (zero copy)");

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> head = http.send(
          user.client.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Length")).contains("3000000");
      assertThat(head.body()).isEmpty();
      HttpResponse<byte[]> get = http.send(user.client.request(path).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(sha256(get.body())).isEqualTo(sha256(content));
    }

    HttpResponse<byte[]> dav = http.send(
        HttpRequest.newBuilder(TestServers.appUrl().resolve("/dav/files/" + user.username + "/sent.bin"))
            .header("Authorization", basic(user))
            .GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(dav.statusCode()).isEqualTo(200);
    assertThat(sha256(dav.body())).isEqualTo(sha256(content));
  }

  /**
   * Single ranges leave through the file send too, as a window of the file: on one keep-alive connection, ranges at
   * the start, in the middle, at the end and as a suffix each carry exactly their bytes over REST and WebDAV (a window
   * that sent too much or too little would garble the next answer on the connection).
   */
  @Test
  void rangesAreSentAsWindowsOfTheFileAndKeepTheConnectionInStep() throws Exception {
    FilesUser user = FilesUser.create();
    byte[] content = random(5_000_000);
    String rest = uploadedContent(user, "ranged.bin", content);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[][] ranges = {{0, 99}, {1_234_567, 3_456_788}, {4_999_000, 4_999_999}, {0, 4_999_999}};
    for (int round = 0; round < 2; round++) {
      for (long[] range : ranges) {
        HttpRequest.Builder request = round == 0
            ? user.client.request(rest)
            : HttpRequest.newBuilder(TestServers.appUrl().resolve("/dav/files/" + user.username + "/ranged.bin"))
                .header("Authorization", basic(user));
        HttpResponse<byte[]> part = http.send(
            request.header("Range", "bytes=" + range[0] + "-" + range[1]).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range"))
            .contains("bytes " + range[0] + "-" + range[1] + "/5000000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, (int) range[0], (int) range[1] + 1));
      }
      HttpResponse<byte[]> suffix = http.send(user.client.request(rest).header("Range", "bytes=-777").GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(suffix.statusCode()).isEqualTo(206);
      assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 5_000_000 - 777, 5_000_000));
    }
  }

  @Test
  void ifNoneMatchAnswers304AndAChangedFileIsSentAgain() {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.upload("root", "a.txt", "v1");
    String url = "/api/files/" + file.get("id") + "/content";
    String etag = FilesUser.str(file, "etag");

    BinaryReply unchanged = user.client.getBytes(url, Map.of("If-None-Match", etag));
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.header("ETag")).contains(etag);

    user.upload("root", "a.txt", "v2");
    BinaryReply changed = user.client.getBytes(url, Map.of("If-None-Match", etag));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(new String(changed.body(), StandardCharsets.UTF_8)).isEqualTo("v2");
  }

  @Test
  void singleRangesAre206AndRangesOutsideTheFileAre416() {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.upload("root", "digits.txt", "0123456789");
    String url = "/api/files/" + file.get("id") + "/content";

    BinaryReply middle = user.client.getBytes(url, Map.of("Range", "bytes=2-5"));
    assertThat(middle.status()).isEqualTo(206);
    assertThat(new String(middle.body(), StandardCharsets.US_ASCII)).isEqualTo("2345");
    assertThat(middle.header("Content-Range")).contains("bytes 2-5/10");
    assertThat(middle.header("Content-Length")).contains("4");

    BinaryReply suffix = user.client.getBytes(url, Map.of("Range", "bytes=-3"));
    assertThat(new String(suffix.body(), StandardCharsets.US_ASCII)).isEqualTo("789");
    BinaryReply open = user.client.getBytes(url, Map.of("Range", "bytes=7-"));
    assertThat(new String(open.body(), StandardCharsets.US_ASCII)).isEqualTo("789");

    BinaryReply outside = user.client.getBytes(url, Map.of("Range", "bytes=10-20"));
    assertThat(outside.status()).isEqualTo(416);
    assertThat(outside.header("Content-Range")).contains("bytes */10");

    BinaryReply several = user.client.getBytes(url, Map.of("Range", "bytes=0-1,4-5"));
    assertThat(several.status()).isEqualTo(200);
    assertThat(several.body()).hasSize(10);

    BinaryReply staleIfRange = user.client.getBytes(url, Map.of("Range", "bytes=0-1", "If-Range", "\"old\""));
    assertThat(staleIfRange.status()).isEqualTo(200);
    BinaryReply freshIfRange =
        user.client.getBytes(url, Map.of("Range", "bytes=0-1", "If-Range", FilesUser.str(file, "etag")));
    assertThat(freshIfRange.status()).isEqualTo(206);
  }

  @Test
  void inlineIsOnlyForPassiveTypesAndHtmlOrSvgAreAlwaysAttachments() {
    FilesUser user = FilesUser.create();
    String png = FilesUser.str(user.uploadReply("root", "p.png", random(8), "image/png").json(), "id");
    String pdf = FilesUser.str(user.uploadReply("root", "d.pdf", random(8), "application/pdf").json(), "id");
    String html = FilesUser.str(user.uploadReply("root", "x.html", "<script>alert(1)</script>"
        .getBytes(StandardCharsets.UTF_8), "text/html").json(), "id");
    String svg = FilesUser.str(user.uploadReply("root", "i.svg", "<svg onload=alert(1)/>"
        .getBytes(StandardCharsets.UTF_8), "image/svg+xml").json(), "id");

    assertThat(disposition(user, png, true)).startsWith("inline;");
    assertThat(disposition(user, pdf, true)).startsWith("inline;");
    assertThat(disposition(user, png, false)).startsWith("attachment;");
    assertThat(disposition(user, html, true)).startsWith("attachment;");
    assertThat(disposition(user, svg, true)).startsWith("attachment;");
    BinaryReply htmlReply = user.client.getBytes("/api/files/" + html + "/content?disposition=inline", Map.of());
    assertThat(htmlReply.headers("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
    assertThat(htmlReply.headers("X-Content-Type-Options")).containsExactly("nosniff");
  }

  @Test
  void foldersHaveNoContentAndOtherUsersFilesAreNotFound() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String folder = FilesUser.str(owner.mkdir("root", "f"), "id");
    String file = FilesUser.str(owner.upload("root", "secret.txt", "secret"), "id");

    assertThat(owner.client.get("/api/files/" + folder + "/content").status()).isEqualTo(400);
    Reply foreign = other.client.get("/api/files/" + file + "/content");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("secret");
    assertThat(other.client.get("/api/files/" + file).status()).isEqualTo(404);
    assertThat(new ApiClient().get("/api/files/" + file + "/content").status()).isEqualTo(401);
    assertThat(new ApiClient().get("/api/files/" + file).status()).isEqualTo(401);
    assertThat(owner.client.get("/api/files/" + file).json()).containsEntry("name", "secret.txt");
  }

  private static String disposition(FilesUser user, String id, boolean inline) {
    BinaryReply reply =
        user.client.getBytes("/api/files/" + id + "/content" + (inline ? "?disposition=inline" : ""), Map.of());
    assertThat(reply.status()).isEqualTo(200);
    return reply.header("Content-Disposition").orElseThrow();
  }

  static List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(blobRoot())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  static List<Path> blobFiles() throws IOException {
    try (Stream<Path> files = Files.walk(blobRoot())) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static Path blobRoot() {
    return TestServers.dataDir().resolve("storage").resolve("blobs");
  }
}
