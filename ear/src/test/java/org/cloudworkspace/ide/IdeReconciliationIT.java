package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.DockerCli;
import org.cloudworkspace.it.TerminalSocket;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The control plane follows what really happens on the runner's engine: containers started, killed or removed behind
 * its back are noticed by the periodic reconciliation and pushed to the owner's browser (no request from the user
 * needed); a process killed for lack of memory is shown with the reason and the workspace can be restarted; deleting
 * a user removes that user's containers and volumes.
 */
class IdeReconciliationIT {

  @Test
  void containersChangedBehindTheAppsBackAreReconciledAndPushed() throws Exception {
    IdeUser user = IdeUser.fresh("ide-recon");
    List<String> lines = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream = events(user, lines);
    awaitLine(lines, 0, "ready");
    String id = user.running("reconciled");
    try {
      int started = awaitLine(lines, 0, "\"status\":\"running\"");
      assertThat(user.api.post("/api/ide/workspaces/" + id + "/stop", null).status()).isEqualTo(200);
      int stopped = awaitLine(lines, started + 1, "\"status\":\"stopped\"");

      // Started with the engine's own CLI: the sweep sees it running (the app was told nothing).
      DockerCli.run("start", "cw-ws-" + id);
      int running = awaitLine(lines, stopped + 1, "\"status\":\"running\"");

      // Killed behind its back: shown as failed with the reason.
      DockerCli.run("kill", "cw-ws-" + id);
      int failed = awaitLine(lines, running + 1, "\"status\":\"failed\"");
      assertThat(lines.get(failed)).contains(id).contains("stopped unexpectedly");

      // Removed behind its back: a start recreates the container.
      user.api.post("/api/ide/workspaces/" + id + "/restart", null);
      int again = awaitLine(lines, failed + 1, "\"status\":\"running\"");
      DockerCli.run("rm", "-f", "cw-ws-" + id);
      int gone = awaitLine(lines, again + 1, "\"status\":\"failed\"");
      assertThat(lines.get(gone)).contains("removed outside");
    } finally {
      user.delete(id);
      stream.cancel(true);
    }
  }

  @Test
  void aProcessThatRanOutOfMemoryIsShownAndTheWorkspaceCanBeRestarted() throws Exception {
    IdeUser user = IdeUser.fresh("ide-oom");
    String id = user.running("hungry");
    try {
      String terminal = user.openTerminal(id, 120, 30);
      try (TerminalSocket socket = user.attach(id, terminal)) {
        // `tail` keeps the whole line, which never ends: far beyond the workspace's 256 MB.
        socket.type("head -c 1000m /dev/zero | tail; echo \"status-$?\"\n");
        socket.awaitOutput("status-137", Duration.ofSeconds(60));
      }
      ApiClient.Reply shown = awaitDetail(user, id, "ran out of memory", Duration.ofSeconds(30));
      assertThat(shown.string("status")).isEqualTo("running");
      assertThat(shown.string("statusDetail")).contains("256 MB");

      ApiClient.Reply restarted = user.api.post("/api/ide/workspaces/" + id + "/restart", null);
      assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
      ApiClient.Reply running = user.awaitStatus(id, "running", Duration.ofSeconds(60));
      assertThat(running.json().get("statusDetail")).isNull();
      String second = user.openTerminal(id, 80, 24);
      try (TerminalSocket socket = user.attach(id, second)) {
        socket.type("echo fresh-$((6*7))\n");
        socket.awaitOutput("fresh-42", Duration.ofSeconds(10));
      }
    } finally {
      user.delete(id);
    }
  }

  /**
   * A page polls the status (each read reconciles with the runner) while the user stops and starts: no request fails
   * over a change committed by another, and a stopped workspace is never read back as running.
   */
  @Test
  void stopsAndStartsWhileTheStatusIsPolledNeverConflict() throws Exception {
    IdeUser user = IdeUser.fresh("ide-poll");
    String id = user.running("polled");
    AtomicBoolean polling = new AtomicBoolean(true);
    List<String> failures = new CopyOnWriteArrayList<>();
    AtomicInteger reads = new AtomicInteger();
    ExecutorService pollers = Executors.newFixedThreadPool(2);
    try {
      for (String path : List.of("/api/ide/workspaces/" + id, "/api/ide/workspaces")) {
        pollers.submit(() -> {
          while (polling.get()) {
            ApiClient.Reply reply = user.api.get(path);
            reads.incrementAndGet();
            if (reply.status() != 200) {
              failures.add(path + " -> " + reply.status() + " " + reply.body());
            }
          }
        });
      }
      for (int cycle = 0; cycle < 8; cycle++) {
        ApiClient.Reply stop = user.api.post("/api/ide/workspaces/" + id + "/stop", null);
        assertThat(stop.status()).as("stop %d: %s", cycle, stop.body()).isEqualTo(200);
        assertThat(stop.string("status")).isEqualTo("stopped");
        for (int i = 0; i < 5; i++) {
          assertThat(user.api.get("/api/ide/workspaces/" + id).string("status")).isEqualTo("stopped");
        }
        ApiClient.Reply start = user.api.post("/api/ide/workspaces/" + id + "/start", null);
        assertThat(start.status()).as("start %d: %s", cycle, start.body()).isEqualTo(202);
        user.awaitStatus(id, "running", Duration.ofSeconds(60));
      }
    } finally {
      polling.set(false);
      pollers.shutdown();
      pollers.awaitTermination(30, TimeUnit.SECONDS);
      user.delete(id);
    }
    assertThat(failures).isEmpty();
    assertThat(reads.get()).isGreaterThan(16);
  }

  @Test
  void deletingAUserRemovesTheUsersContainersAndVolumes() throws Exception {
    IdeUser user = IdeUser.fresh("ide-gone");
    String running = user.running("busy");
    String stopped = user.create("idle");
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(DockerCli.exists("container", "cw-ws-" + running)).isTrue();
    assertThat(DockerCli.exists("volume", "cw-ws-" + running + "-home")).isTrue();

    ApiClient.Reply deleted =
        admin.delete("/api/admin/users/" + user.userId + "?confirm=" + user.username + "&files=remove");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);

    assertThat(DockerCli.exists("container", "cw-ws-" + running)).isFalse();
    assertThat(DockerCli.exists("volume", "cw-ws-" + running + "-home")).isFalse();
    assertThat(DockerCli.exists("container", "cw-ws-" + stopped)).isFalse();
    ApiClient.Reply audit = admin.get("/api/admin/audit-events?size=100&type=admin.user_delete&user=" + user.username);
    assertThat(audit.items())
        .anySatisfy(e -> assertThat((String) e.get("details")).contains(user.username).contains(
            "IDE workspaces removed: 2"));
    assertThat(new ApiClient().login(user.username, "ide-" + user.username + "-Passw0rd!").status()).isEqualTo(401);
  }

  private static ApiClient.Reply awaitDetail(IdeUser user, String id, String text, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ApiClient.Reply reply;
    do {
      reply = user.api.get("/api/ide/workspaces/" + id);
      Object detail = reply.json().get("statusDetail");
      if (detail instanceof String s && s.contains(text)) {
        return reply;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("Workspace " + id + " never said '" + text + "': " + reply.body());
  }

  private static CompletableFuture<HttpResponse<Stream<String>>> events(IdeUser user, List<String> lines) {
    HttpRequest request =
        user.api.request("/api/ide/events").header("Accept", "text/event-stream").GET().timeout(Duration.ofMinutes(5))
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
            .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(r -> r.body().forEach(lines::add));
    return response;
  }

  /** Waits for a line containing {@code text} at or after index {@code from}; returns its index. */
  private static int awaitLine(List<String> lines, int from, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      for (int i = from; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No event line with " + text + " after line " + from + " in " + lines);
  }
}
