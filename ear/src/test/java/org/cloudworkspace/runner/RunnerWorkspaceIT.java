package org.cloudworkspace.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DeploymentException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cloudworkspace.it.DockerCli;
import org.cloudworkspace.it.TerminalSocket;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's workspace API against the real Docker engine: the hardening read back with {@code docker inspect}, a
 * fork bomb held by the pid limit, file operations and traversal, and a terminal over the signed WebSocket.
 */
class RunnerWorkspaceIT {

  private static final String IMAGE = System.getProperty("it.ide.image", "cloudworkspace/workspace:1");

  private static final HttpClient SLOW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final RunnerTestClient runner = new RunnerTestClient();
  private final String id = "it-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeWorkspace() {
    runner.send(RunnerTestClient.Signing.of("DELETE", "/api/v1/workspaces/" + id, RunnerTestClient.NO_BODY));
  }

  @Test
  void startedContainerCarriesTheHardeningWhateverTheCallerAsks() {
    HttpResponse<String> started = start(256);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(started.body()).contains("\"state\":\"running\"");

    Map<String, Object> container = DockerCli.inspect("cw-ws-" + id);
    Map<String, Object> host = map(container.get("HostConfig"));
    Map<String, Object> config = map(container.get("Config"));
    assertThat(strings(host.get("CapDrop"))).containsExactly("ALL");
    assertThat(strings(host.get("CapAdd"))).isNullOrEmpty();
    assertThat(strings(host.get("SecurityOpt"))).contains("no-new-privileges");
    assertThat(((Number) host.get("PidsLimit")).longValue()).isBetween(1L, 4096L);
    assertThat(((Number) host.get("Memory")).longValue()).isEqualTo(256L * 1024 * 1024);
    assertThat(((Number) host.get("NanoCpus")).longValue()).isEqualTo(1_000_000_000L);
    assertThat(host.get("Privileged")).isEqualTo(false);
    assertThat(host.get("NetworkMode")).isEqualTo("none");
    assertThat(host.get("PidMode")).isEqualTo("");
    assertThat(host.get("IpcMode")).isNotEqualTo("host");
    assertThat(host.get("UTSMode")).isEqualTo("");
    assertThat(strings(host.get("Binds"))).isNullOrEmpty();
    assertThat(config.get("User")).isEqualTo("1000:1000");
    assertThat(map(config.get("Labels")))
        .containsEntry("org.cloudworkspace.workspace", id)
        .containsEntry("org.cloudworkspace.owner", "alice");
    List<Map<String, Object>> mounts = list(container.get("Mounts"));
    assertThat(mounts).hasSize(1);
    assertThat(mounts.get(0)).containsEntry("Type", "volume").containsEntry("Destination", "/workspace");
    assertThat(DockerCli.inspect("cw-ws-" + id).toString()).doesNotContain("docker.sock");
    assertThat(DockerCli.run("exec", "cw-ws-" + id, "id", "-u").trim()).isEqualTo("1000");
    assertThat(DockerCli.run("exec", "cw-ws-" + id, "grep", "^CapEff", "/proc/self/status"))
        .contains("0000000000000000");
  }

  @Test
  void forkBombIsContainedByThePidLimit() throws Exception {
    assertThat(start(512).statusCode()).isEqualTo(200);
    long pidsLimit = ((Number) map(DockerCli.inspect("cw-ws-" + id).get("HostConfig")).get("PidsLimit")).longValue();
    HttpResponse<String> opened = post("/api/v1/workspaces/" + id + "/terminals", "{\"cols\":80,\"rows\":24}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String terminalId = RunnerTestClient.fromJson(opened.body(), TerminalAnswer.class).id();

    try (TerminalSocket terminal = attach(terminalId)) {
      terminal.type("bomb() { bomb | bomb & }; bomb\n");
      Thread.sleep(6000);
    }
    // The container never exceeds its limit, and the runner, the engine and other commands keep working.
    String current = DockerCli.run("stats", "--no-stream", "--format", "{{.PIDs}}", "cw-ws-" + id).trim();
    assertThat(Long.parseLong(current)).isGreaterThan(pidsLimit / 2).isLessThanOrEqualTo(pidsLimit);
    HttpResponse<String> ping = runner.send(RunnerTestClient.Signing.of("GET", "/api/v1/ping", RunnerTestClient.NO_BODY));
    assertThat(ping.statusCode()).isEqualTo(200);
    HttpResponse<String> stopped = post("/api/v1/workspaces/" + id + "/stop", "");
    assertThat(stopped.statusCode()).isEqualTo(200);
    assertThat(stopped.body()).contains("\"state\":\"stopped\"");
  }

  @Test
  void filesAreReadWrittenMovedAndDeletedInTheVolumeAndTraversalIsRefused() {
    assertThat(start(256).statusCode()).isEqualTo(200);
    String base = "/api/v1/workspaces/" + id + "/files";
    HttpResponse<String> made = post(base + "/folders", "{\"path\":\"src\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(204);
    HttpResponse<String> written = put(base + "/content?path=src/main.sh", "echo hi\n", null);
    assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
    String sha = written.headers().firstValue("X-Content-Sha256").orElseThrow();

    HttpResponse<String> read = get(base + "/content?path=src/main.sh");
    assertThat(read.body()).isEqualTo("echo hi\n");
    assertThat(read.headers().firstValue("X-Content-Sha256")).contains(sha);
    assertThat(DockerCli.run("exec", "cw-ws-" + id, "stat", "-c", "%u", "/workspace/src/main.sh").trim())
        .isEqualTo("1000");

    assertThat(put(base + "/content?path=src/main.sh", "echo changed\n", sha).statusCode()).isEqualTo(204);
    HttpResponse<String> stale = put(base + "/content?path=src/main.sh", "echo lost\n", sha);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(get(base + "/content?path=src/main.sh").body()).isEqualTo("echo changed\n");

    assertThat(post(base + "/move", "{\"from\":\"src/main.sh\",\"to\":\"run.sh\"}").statusCode()).isEqualTo(204);
    assertThat(get(base + "?path=").body()).contains("\"name\":\"run.sh\"").contains("\"name\":\"src\"");
    assertThat(delete(base + "?path=src").statusCode()).isEqualTo(204);
    assertThat(get(base + "?path=src").statusCode()).isEqualTo(404);

    for (String bad : List.of("../etc/passwd", "a/../../etc", "..", "a%5C..%5Cb", "x%00y")) {
      HttpResponse<String> refused = get(base + "/content?path=" + bad);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(post(base + "/move", "{\"from\":\"run.sh\",\"to\":\"../run.sh\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void terminalRoundTripResizeAndReplayOverTheSignedWebSocket() throws Exception {
    assertThat(start(256).statusCode()).isEqualTo(200);
    HttpResponse<String> opened = post("/api/v1/workspaces/" + id + "/terminals", "{\"cols\":100,\"rows\":30}");
    String terminalId = RunnerTestClient.fromJson(opened.body(), TerminalAnswer.class).id();

    try (TerminalSocket terminal = attach(terminalId)) {
      terminal.type("echo $((6*7)) && stty size\n");
      terminal.awaitOutput("42", Duration.ofSeconds(10));
      terminal.awaitOutput("30 100", Duration.ofSeconds(10));
      terminal.resize(120, 40);
      Thread.sleep(300);
      terminal.type("stty size\n");
      terminal.awaitOutput("40 120", Duration.ofSeconds(10));
      terminal.type("head -c 70000 /dev/zero | tr '\\0' x; echo; echo REPLAY-$((1+1))-END\n");
      terminal.awaitOutput("REPLAY-2-END\r\n", Duration.ofSeconds(10));
    }
    try (TerminalSocket again = attach(terminalId)) {
      String replay = again.awaitOutput("REPLAY-2-END\r\n", Duration.ofSeconds(10));
      assertThat(replay.chars().filter(c -> c == 'x').count()).isGreaterThanOrEqualTo(64 * 1024);
      again.type("echo still-$((1+1))\n");
      again.awaitOutput("still-2", Duration.ofSeconds(10));
    }

    URI uri = wsUri(terminalId);
    assertThatThrownBy(() -> TerminalSocket.connect(uri, Map.of())).isInstanceOf(DeploymentException.class);
  }

  private TerminalSocket attach(String terminalId) throws Exception {
    URI uri = wsUri(terminalId);
    String[] headers =
        RunnerTestClient.Signing.of("GET", uri.getRawPath(), RunnerTestClient.NO_BODY).headers();
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return TerminalSocket.connect(uri, map);
  }

  private URI wsUri(String terminalId) {
    return URI.create(
        TestServers.runnerUrl().toString().replaceFirst("^http", "ws")
            + "/ws/v1/workspaces/" + id + "/terminals/" + terminalId);
  }

  /** Starting a container takes longer than the signed test client waits on a busy machine: up to 2 minutes here. */
  private HttpResponse<String> start(int memoryMb) {
    String target = "/api/v1/workspaces/" + id + "/start";
    byte[] body =
        ("{\"owner\":\"alice\",\"template\":\"default\",\"image\":\"" + IMAGE + "\",\"memoryMb\":" + memoryMb
                + ",\"cpus\":1}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(TestServers.runnerUrl().resolve(target))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json")
            .headers(RunnerTestClient.Signing.of("POST", target, body).headers())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return SLOW.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String target) {
    return runner.send(RunnerTestClient.Signing.of("GET", target, RunnerTestClient.NO_BODY));
  }

  private HttpResponse<String> delete(String target) {
    return runner.send(RunnerTestClient.Signing.of("DELETE", target, RunnerTestClient.NO_BODY));
  }

  private HttpResponse<String> post(String target, String json) {
    return runner.send(RunnerTestClient.Signing.of("POST", target, json.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> put(String target, String text, String expectedSha) {
    RunnerTestClient.Signing signing = RunnerTestClient.Signing.of("PUT", target, text.getBytes(StandardCharsets.UTF_8));
    String[] headers = signing.headers();
    if (expectedSha != null) {
      String[] more = new String[headers.length + 2];
      System.arraycopy(headers, 0, more, 0, headers.length);
      more[headers.length] = "X-Expected-Sha256";
      more[headers.length + 1] = expectedSha;
      headers = more;
    }
    return runner.send("PUT", target, signing.body(), headers);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  /** Test-local copy of the runner's terminal answer. */
  public record TerminalAnswer(String id, int cols, int rows) {}
}
