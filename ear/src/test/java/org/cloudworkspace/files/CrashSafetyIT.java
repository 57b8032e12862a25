package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the app server (SIGKILL, as a power cut would stop the process) while files are being uploaded (streamed PUT
 * and tus) and moved, starts it again, and checks what users and the storage see: no partial or corrupt file, every
 * file and version row's size and SHA-256 matching the bytes on disk, no temp file of an interrupted write left after
 * start-up, and every interrupted resumable upload resumable. Runs its own app server (own data folder and port,
 * H2, no runner) through the launcher, so that killing it disturbs no other test.
 */
class CrashSafetyIT {

  private static final Path DATA = Path.of(System.getProperty("it.crash.data.dir", "target/it-crash-data"))
      .toAbsolutePath();
  private static final int PORT = Integer.getInteger("it.crash.port", 19095);
  private static final URI BASE = URI.create("http://127.0.0.1:" + PORT);
  private static final String ADMIN_PASSWORD = "Crash-" + Long.toString(System.nanoTime(), 36) + "-test-pw";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** Every content sent for a name (by SHA-256): a visible file must have one of them. */
  private final Map<String, Set<String>> sent = new ConcurrentHashMap<>();

  private final AtomicBoolean running = new AtomicBoolean(true);

  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue("h2".equals(TestServers.database()), "the crash test runs once, in the H2 pass");
    launcher("stop");
    deleteTree(DATA);
    Files.createDirectories(DATA);
    launcher("start");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if ("h2".equals(TestServers.database())) {
      launcher("stop");
    }
  }

  @Test
  void afterAKillDuringUploadsAndMovesNothingPartialIsVisibleAndEveryRowMatchesItsBytes() throws Exception {
    ApiClient admin = new ApiClient(BASE).signIn("admin", ADMIN_PASSWORD);
    String username = ApiClient.uniqueUsername("crash");
    String password = ApiClient.strongPassword();
    Reply created =
        admin.post("/api/admin/users", Map.of("username", username, "password", password, "role", "user",
            "displayName", "Crash test", "mustChangePassword", false));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    ApiClient user = new ApiClient(BASE).signIn(username, password);
    TusClientOn tus = new TusClientOn(user);

    String left = folder(user, "root", "Left");
    String right = folder(user, "root", "Right");
    String moving = folder(user, left, "Moving");
    for (int i = 0; i < 5; i++) {
      byte[] inside = ("inside " + i).getBytes(StandardCharsets.UTF_8);
      remember("inside-" + i + ".txt", inside);
      assertThat(put(user, moving, "inside-" + i + ".txt", inside).status()).isEqualTo(201);
    }

    // Uploads that are certainly in flight when the server dies: a slow streamed PUT and a slow tus PATCH.
    byte[] slowBody = random(16 << 20, 1);
    remember("slow.bin", slowBody);
    byte[] tusBody = random(24 << 20, 2);
    remember("resumable.bin", tusBody);
    String tusPath = tus.start(tusBody.length, "resumable.bin", "root");
    assertThat(tus.patch(tusPath, 0, java.util.Arrays.copyOf(tusBody, 4 << 20)).status()).isEqualTo(204);

    ExecutorService pool = Executors.newFixedThreadPool(6);
    pool.submit(() -> quietly(() -> slowPut(user, "root", "slow.bin", slowBody)));
    pool.submit(() -> quietly(() -> tus.slowPatch(tusPath, 4 << 20, tusBody)));
    for (int t = 0; t < 2; t++) {
      int thread = t;
      pool.submit(() -> quietly(() -> keepUploading(user, thread)));
    }
    pool.submit(() -> quietly(() -> keepTusUploading(tus)));
    pool.submit(() -> quietly(() -> keepMoving(user, moving, left, right)));

    Thread.sleep(4000);
    long pid = Long.parseLong(Files.readString(DATA.resolve("liberty/.pid/workspace.pid")).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    List<Path> tempsBeforeRestart = tempFiles();
    server.destroyForcibly();
    server.onExit().get(30, TimeUnit.SECONDS);
    running.set(false);
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);

    // The slow streamed PUT was writing its temp file when the server died.
    List<Path> temps = tempFiles();
    assertThat(temps).as("temp files at the kill (before: %s)", tempsBeforeRestart).isNotEmpty();

    launcher("start");
    assertThat(tempFiles()).as("temp files of interrupted writes are swept at start-up").isEmpty();

    ApiClient again = new ApiClient(BASE).signIn(username, password);
    TusClientOn tusAgain = new TusClientOn(again);

    // Every visible file has exactly one of the contents sent for its name: nothing partial, nothing corrupt.
    Map<String, String> visible = new HashMap<>();
    walk(again, "root", "", visible);
    assertThat(visible).isNotEmpty();
    for (Map.Entry<String, String> file : visible.entrySet()) {
      String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
      String sha = sha256(download(again, file.getValue()));
      assertThat(sent.get(name)).as("content of %s", file.getKey()).isNotNull().contains(sha);
    }
    assertThat(visible.keySet()).doesNotContain("/slow.bin");

    // The moved folder is in exactly one place, with everything in it.
    long movingCount = visible.keySet().stream().filter(p -> p.matches("/(Left|Right)/Moving/inside-\\d\\.txt")).count();
    assertThat(movingCount).isEqualTo(5);

    // The interrupted resumable upload goes on from its durable offset and completes with the right bytes.
    long offset = tusAgain.offset(tusPath);
    assertThat(offset).isBetween((long) (4 << 20), (long) tusBody.length - 1);
    tusAgain.finish(tusPath, tusBody);
    Map<String, String> after = new HashMap<>();
    walk(again, "root", "", after);
    assertThat(sha256(download(again, after.get("/resumable.bin")))).isEqualTo(sha256(tusBody));

    // With the server stopped, every file and version row matches the bytes of its blob on disk.
    launcher("stop");
    assertEveryRowMatchesItsBlob();
  }

  // ---- workload

  private void keepUploading(ApiClient user, int thread) {
    Random random = new Random(thread);
    for (int i = 0; running.get(); i++) {
      String name = (i % 3 == 0 ? "overwritten-" + thread : "put-" + thread + "-" + i) + ".bin";
      // Every fourth body is small (stored and recorded in one transaction), the others streamed.
      int size = i % 4 == 1 ? 1 + random.nextInt(16 * 1024) : 64 * 1024 + 1 + random.nextInt(3 << 20);
      byte[] body = random(size, thread * 100_000 + i);
      remember(name, body);
      put(user, "root", name, body);
    }
  }

  private void keepTusUploading(TusClientOn tus) {
    for (int i = 0; running.get(); i++) {
      String name = "tus-" + i + ".bin";
      byte[] body = random((1 << 20) + i * 4099, 500_000 + i);
      remember(name, body);
      String path = tus.start(body.length, name, "root");
      tus.finish(path, body);
    }
  }

  private void keepMoving(ApiClient user, String moving, String left, String right) {
    for (int i = 0; running.get(); i++) {
      user.patch("/api/files/" + moving, Map.of("parentId", i % 2 == 0 ? right : left));
    }
  }

  private void slowPut(ApiClient user, String folder, String name, byte[] body) throws Exception {
    HttpRequest request =
        user.http11("/api/files/folders/" + folder + "/files/" + name)
            .header("Content-Type", "application/octet-stream")
            .timeout(Duration.ofMinutes(2))
            .PUT(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(body)), body.length))
            .build();
    HTTP.send(request, HttpResponse.BodyHandlers.discarding());
  }

  // ---- checks

  private void walk(ApiClient user, String folderId, String path, Map<String, String> files) {
    Reply listing = user.get("/api/files/folders/" + folderId + "/children?size=1000");
    assertThat(listing.status()).as(listing.body()).isEqualTo(200);
    for (Map<String, Object> item : listing.items()) {
      String itemPath = path + "/" + item.get("name");
      if ("folder".equals(item.get("type"))) {
        walk(user, (String) item.get("id"), itemPath, files);
      } else {
        files.put(itemPath, (String) item.get("id"));
      }
    }
  }

  private void assertEveryRowMatchesItsBlob() throws Exception {
    String url = "jdbc:h2:" + DATA.resolve("db/workspace") + ";ACCESS_MODE_DATA=r";
    int rows = 0;
    try (Connection db = DriverManager.getConnection(url, "workspace", "");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT blob_id, size_bytes, sha256 FROM file_node WHERE node_type = 'FILE'"
                        + " UNION ALL SELECT blob_id, size_bytes, sha256 FROM file_version")) {
      while (rs.next()) {
        String blobId = rs.getString(1);
        Path blob = DATA.resolve("storage/blobs").resolve(blobId.substring(0, 2)).resolve(blobId.substring(2, 4))
            .resolve(blobId);
        assertThat(blob).as("blob of row %s", blobId).exists();
        assertThat(Files.size(blob)).as("size of %s", blobId).isEqualTo(rs.getLong(2));
        assertThat(sha256(Files.readAllBytes(blob))).as("SHA-256 of %s", blobId).isEqualTo(rs.getString(3));
        rows++;
      }
    }
    assertThat(rows).isGreaterThan(10);
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DATA.resolve("storage/blobs"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  // ---- helpers

  private void remember(String name, byte[] body) {
    sent.computeIfAbsent(name, k -> Collections.synchronizedSet(new HashSet<>())).add(sha256(body));
  }

  private static String folder(ApiClient user, String parent, String name) {
    Reply reply = user.post("/api/files/folders/" + parent + "/folders", Map.of("name", name));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  private static Reply put(ApiClient user, String folder, String name, byte[] body) {
    return user.putBytes("/api/files/folders/" + folder + "/files/" + name, "application/octet-stream", body,
        Map.of());
  }

  private static byte[] download(ApiClient user, String fileId) {
    ApiClient.BinaryReply reply = user.getBytes("/api/files/" + fileId + "/content", Map.of());
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs workload that the kill is expected to break off. */
  private static void quietly(ThrowingRunnable work) {
    try {
      work.run();
    } catch (Exception | AssertionError expected) {
      // the server went away
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static void launcher(String command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(TestServers.repoDir().resolve("liberty-config/bin/workspace").toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(
                Files.createDirectories(DATA.getParent()).resolve("it-crash-launcher.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("WORKSPACE_DATA_DIR", DATA.toString());
    env.put("WORKSPACE_HTTP_PORT", Integer.toString(PORT));
    env.put("WORKSPACE_RUNNER", "off");
    env.put("RUNNER_URL", "http://127.0.0.1:9");
    env.put("WORKSPACE_SKIP_BUILD", "true");
    env.put("WORKSPACE_TRUSTED_PROXIES", "127.0.0.1,::1");
    env.put("ADMIN_USERNAME", "admin");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.remove("WORKSPACE_DB_URL");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("liberty-config/bin/workspace " + command + " failed; see it-crash-launcher.log");
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      List<Path> all = new ArrayList<>(paths.toList());
      Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A body that arrives slowly: 64 KiB every 50 ms. */
  private static final class SlowStream extends InputStream {
    private final byte[] body;
    private int position;

    SlowStream(byte[] body) {
      this.body = body;
    }

    @Override
    public int read() {
      return position < body.length ? body[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= body.length) {
        return -1;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted"));
      }
      int n = Math.min(Math.min(len, 64 * 1024), body.length - position);
      System.arraycopy(body, position, b, off, n);
      position += n;
      return n;
    }
  }

  /** The tus calls of this test, against the crash test's own server. */
  private static final class TusClientOn {
    private final ApiClient client;

    TusClientOn(ApiClient client) {
      this.client = client;
    }

    String start(long length, String name, String folder) {
      Reply reply =
          client.send(
              client.http11(TusClient.ENDPOINT)
                  .header("Tus-Resumable", "1.0.0")
                  .header("Upload-Length", Long.toString(length))
                  .header("Upload-Metadata", TusClient.metadata(TusClient.meta("filename", name, "folderId", folder)))
                  .POST(HttpRequest.BodyPublishers.noBody()));
      if (reply.status() != 201) {
        throw new AssertionError("create: " + reply.status() + " " + reply.body());
      }
      return URI.create(reply.header("Location").orElseThrow()).getRawPath();
    }

    Reply patch(String path, long offset, byte[] body) {
      return client.send(
          client.http11(path)
              .header("Tus-Resumable", "1.0.0")
              .header("Upload-Offset", Long.toString(offset))
              .header("Content-Type", "application/offset+octet-stream")
              .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    void slowPatch(String path, long offset, byte[] content) throws Exception {
      byte[] rest = java.util.Arrays.copyOfRange(content, (int) offset, content.length);
      HttpRequest request =
          client.http11(path)
              .header("Tus-Resumable", "1.0.0")
              .header("Upload-Offset", Long.toString(offset))
              .header("Content-Type", "application/offset+octet-stream")
              .timeout(Duration.ofMinutes(2))
              .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
                  HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(rest)), rest.length))
              .build();
      HTTP.send(request, HttpResponse.BodyHandlers.discarding());
    }

    long offset(String path) {
      Reply reply =
          client.send(
              client.http11(path).header("Tus-Resumable", "1.0.0")
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(reply.status()).isEqualTo(200);
      return Long.parseLong(reply.header("Upload-Offset").orElseThrow());
    }

    void finish(String path, byte[] content) {
      long offset = offset(path);
      while (offset < content.length) {
        int n = (int) Math.min(1 << 20, content.length - offset);
        Reply reply = patch(path, offset, java.util.Arrays.copyOfRange(content, (int) offset, (int) offset + n));
        if (reply.status() == 423) {
          offset = offset(path);
          continue;
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        offset = Long.parseLong(reply.header("Upload-Offset").orElseThrow());
      }
    }
  }
}
