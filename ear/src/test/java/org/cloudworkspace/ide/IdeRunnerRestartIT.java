package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.DockerCli;
import org.cloudworkspace.it.TerminalSocket;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner server dies (SIGKILL) while workspaces run, and comes back: meanwhile the IDE answers "runner
 * unavailable" and the rest of the workspace keeps working, containers keep running, and what changed on the engine
 * in between is reconciled once the runner is back; a terminal works again. Runs its own app and runner (own data
 * folder and ports), so the shared runner of the other tests is never touched.
 */
class IdeRunnerRestartIT {

  private static final int PORT = Integer.getInteger("it.crash.port", 19096) + 2;
  private static final int RUNNER_PORT = PORT + 1;
  private static final URI BASE = URI.create("http://127.0.0.1:" + PORT);
  private static final Path DATA =
      Path.of(System.getProperty("it.runner.restart.data.dir", "target/it-runner-restart-data")).toAbsolutePath();
  private static final String ADMIN_PASSWORD = "Restart-" + Long.toString(System.nanoTime(), 36) + "-test-pw";

  @BeforeAll
  static void startServers() throws Exception {
    assumeTrue("h2".equals(TestServers.database()), "runs once, in the H2 pass");
    launcher("stop");
    deleteTree(DATA);
    Files.createDirectories(DATA);
    launcher("start");
  }

  @AfterAll
  static void stopServers() throws Exception {
    if ("h2".equals(TestServers.database())) {
      launcher("stop");
    }
  }

  @Test
  void whileTheRunnerIsDownTheIdeSaysSoAndAfterItsRestartEverythingIsReconciled() throws Exception {
    ApiClient admin = new ApiClient(BASE).signIn("admin", ADMIN_PASSWORD);
    String username = ApiClient.uniqueUsername("restart");
    String password = ApiClient.strongPassword();
    Reply created = admin.post("/api/admin/users", Map.of("username", username, "password", password, "role", "user",
        "displayName", "Runner restart", "mustChangePassword", false));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    ApiClient user = new ApiClient(BASE).signIn(username, password);

    String killed = create(user, "killed-meanwhile");
    String kept = create(user, "kept-running");
    try {
      start(user, killed);
      start(user, kept);

      long pid = Long.parseLong(Files.readString(DATA.resolve("liberty/.pid/runner.pid")).trim());
      ProcessHandle runner = ProcessHandle.of(pid).orElseThrow();
      runner.destroyForcibly();
      runner.onExit().get(30, TimeUnit.SECONDS);

      // The IDE says the runner is unavailable, in words and as problem details; files and the rest still work.
      Reply status = user.get("/api/ide/status");
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.body()).contains("\"runnerAvailable\":false").contains("not available right now");
      Reply refused = user.post("/api/ide/workspaces/" + kept + "/stop", null);
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(refused.body()).contains("runner").doesNotContain("Exception").doesNotContain("at org.");
      assertThat(user.get("/api/files/usage").status()).isEqualTo(200);
      assertThat(user.get("/api/files/folders/root/children").status()).isEqualTo(200);
      assertThat(user.get("/api/ide/workspaces").status()).isEqualTo(200);

      // Containers do not depend on the runner's process; one is killed behind everyone's back meanwhile.
      assertThat(running("cw-ws-" + kept)).isTrue();
      DockerCli.run("kill", "cw-ws-" + killed);

      launcher("start", "runner");

      // The next sweeps (IDE_SWEEP_SECONDS=2 here) see both: the killed one failed with the reason, the other one
      // still running, and the restarted runner controls containers it did not create in this process's lifetime.
      awaitStatus(user, killed, "failed", Duration.ofSeconds(60));
      assertThat(user.get("/api/ide/workspaces/" + killed).body()).contains("stopped unexpectedly");
      assertThat(awaitStatus(user, kept, "running", Duration.ofSeconds(30)).status()).isEqualTo(200);
      assertThat(user.get("/api/ide/status").body()).contains("\"runnerAvailable\":true");

      Reply restart = user.post("/api/ide/workspaces/" + killed + "/restart", null);
      assertThat(restart.status()).as(restart.body()).isBetween(200, 202);
      awaitStatus(user, killed, "running", Duration.ofSeconds(90));

      Reply terminal = user.post("/api/ide/workspaces/" + kept + "/terminals", Map.of("cols", 80, "rows", 24));
      assertThat(terminal.status()).as(terminal.body()).isEqualTo(201);
      Reply ticket = user.post(
          "/api/ide/workspaces/" + kept + "/terminals/" + terminal.string("id") + "/ticket", null);
      assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
      URI ws = URI.create("ws://127.0.0.1:" + PORT + "/ws/ide/terminal?ticket=" + ticket.string("ticket"));
      try (TerminalSocket socket = TerminalSocket.connect(ws, Map.of("Origin", BASE.toString()))) {
        socket.type("echo after-$((20+22))-restart\n");
        socket.awaitOutput("after-42-restart", Duration.ofSeconds(20));
      }

      Reply stop = user.post("/api/ide/workspaces/" + kept + "/stop", null);
      assertThat(stop.status()).as(stop.body()).isBetween(200, 202);
      awaitStatus(user, kept, "stopped", Duration.ofSeconds(60));
      assertThat(running("cw-ws-" + kept)).isFalse();
    } finally {
      user.delete("/api/ide/workspaces/" + killed);
      user.delete("/api/ide/workspaces/" + kept);
    }
  }

  private static String create(ApiClient user, String name) {
    Reply reply = user.post("/api/ide/workspaces", Map.of("name", name, "template", "default"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  private static void start(ApiClient user, String id) throws InterruptedException {
    Reply started = user.post("/api/ide/workspaces/" + id + "/start", null);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    awaitStatus(user, id, "running", Duration.ofSeconds(90));
  }

  private static Reply awaitStatus(ApiClient user, String id, String status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Reply reply;
    do {
      reply = user.get("/api/ide/workspaces/" + id);
      if (status.equals(reply.string("status"))) {
        return reply;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("Workspace " + id + " did not become " + status + ": " + reply.body());
  }

  private static boolean running(String container) {
    return "true".equals(DockerCli.run("inspect", "-f", "{{.State.Running}}", container).trim());
  }

  private static void launcher(String... command) throws IOException, InterruptedException {
    List<String> line = new java.util.ArrayList<>();
    line.add(TestServers.repoDir().resolve("liberty-config/bin/workspace").toString());
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(
            Files.createDirectories(DATA.getParent()).resolve("it-runner-restart-launcher.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("WORKSPACE_DATA_DIR", DATA.toString());
    env.put("WORKSPACE_HTTP_PORT", Integer.toString(PORT));
    env.put("RUNNER_HTTP_PORT", Integer.toString(RUNNER_PORT));
    env.remove("RUNNER_URL");
    env.remove("RUNNER_SHARED_SECRET");
    env.put("WORKSPACE_SKIP_BUILD", "true");
    env.put("WORKSPACE_TRUSTED_PROXIES", "127.0.0.1,::1");
    env.put("ADMIN_USERNAME", "admin");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("IDE_SWEEP_SECONDS", "2");
    env.put("IDE_MEMORY_MB", "256");
    env.put("IDE_CPUS", "1");
    env.put("RUNNER_PIDS_LIMIT", "128");
    env.put("IDE_DEFAULT_IMAGE", System.getProperty("it.ide.image", "cloudworkspace/workspace:1"));
    env.remove("WORKSPACE_DB_URL");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "liberty-config/bin/workspace " + String.join(" ", command) + " failed; see it-runner-restart-launcher.log");
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
