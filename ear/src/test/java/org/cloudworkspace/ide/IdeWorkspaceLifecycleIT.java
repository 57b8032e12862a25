package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.DockerCli;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** The IDE control plane against the real runner and Docker engine: lifecycle, limits, isolation, reconciliation. */
class IdeWorkspaceLifecycleIT {

  @Test
  void createStartStopAndDeleteAWorkspaceWithLabelledContainer() throws Exception {
    IdeUser user = IdeUser.fresh("ide-life");
    ApiClient.Reply created =
        user.api.post("/api/ide/workspaces", Map.of("name", "my project", "template", "default"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(created.string("id")));
    assertThat(created.string("status")).isEqualTo("stopped");
    String id = created.string("id");

    ApiClient.Reply started = user.api.post("/api/ide/workspaces/" + id + "/start", null);
    assertThat(started.status()).isEqualTo(202);
    assertThat(started.string("status")).isIn("starting", "running");
    ApiClient.Reply running = user.awaitStatus(id, "running", Duration.ofSeconds(90));
    assertThat(running.json().get("resources")).isNotNull();
    assertThat(running.json().get("idleSecondsLeft")).isNotNull();

    Map<String, Object> labels = labels("cw-ws-" + id);
    assertThat(labels).containsEntry("org.cloudworkspace.workspace", id).containsEntry("org.cloudworkspace.owner",
        user.username);
    // A terminal can attach as soon as the status says running.
    String terminal = user.openTerminal(id, 80, 24);
    try (var socket = user.attach(id, terminal)) {
      socket.type("echo ready-$((40+2))\n");
      socket.awaitOutput("ready-42", Duration.ofSeconds(10));
    }

    List<Map<String, Object>> mine = user.api.get("/api/ide/workspaces").jsonList();
    assertThat(mine).extracting(w -> w.get("id")).containsExactly(id);

    ApiClient.Reply stopped = user.api.post("/api/ide/workspaces/" + id + "/stop", null);
    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    assertThat(stopped.string("status")).isEqualTo("stopped");
    assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", "cw-ws-" + id).trim()).isEqualTo("false");

    assertThat(user.api.delete("/api/ide/workspaces/" + id).status()).isEqualTo(204);
    assertThat(DockerCli.exists("container", "cw-ws-" + id)).isFalse();
    assertThat(DockerCli.exists("volume", "cw-ws-" + id + "-home")).isFalse();
    assertThat(user.api.get("/api/ide/workspaces/" + id).status()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedWithProblemDetails() {
    IdeUser user = IdeUser.fresh("ide-bad");
    ApiClient.Reply unknown = user.api.post("/api/ide/workspaces", Map.of("name", "x", "template", "no-such-image:9"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(unknown.body()).contains("template");
    assertThat(user.api.post("/api/ide/workspaces", Map.of("name", "", "template", "default")).status())
        .isEqualTo(400);
    assertThat(user.api.post("/api/ide/workspaces", Map.of("name", "../evil", "template", "default")).status())
        .isEqualTo(400);
    user.create("twice");
    assertThat(user.api.post("/api/ide/workspaces", Map.of("name", "twice", "template", "default")).status())
        .isEqualTo(409);
    assertThat(user.api.get("/api/ide/workspaces/no-such-workspace").status()).isEqualTo(404);
    assertThat(new ApiClient().get("/api/ide/workspaces").status()).isEqualTo(401);
    assertThat(new ApiClient().post("/api/ide/workspaces", Map.of("name", "x")).status()).isEqualTo(401);
  }

  @Test
  void anotherUsersWorkspaceIsForbiddenAndTheAttemptAudited() throws Exception {
    IdeUser owner = IdeUser.fresh("ide-own");
    IdeUser intruder = IdeUser.fresh("ide-intr");
    String id = owner.create("private");
    for (ApiClient.Reply reply :
        List.of(
            intruder.api.get("/api/ide/workspaces/" + id),
            intruder.api.post("/api/ide/workspaces/" + id + "/start", null),
            intruder.api.post("/api/ide/workspaces/" + id + "/stop", null),
            intruder.api.get("/api/ide/workspaces/" + id + "/files?path="),
            intruder.api.post("/api/ide/workspaces/" + id + "/terminals/abc/ticket", null),
            intruder.api.delete("/api/ide/workspaces/" + id))) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
    }
    assertThat(intruder.api.get("/api/ide/workspaces").jsonList()).isEmpty();
    assertThat(owner.api.get("/api/ide/workspaces/" + id).status()).isEqualTo(200);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    ApiClient.Reply audit = admin.get("/api/admin/audit-events?type=ide.access_denied&user=" + intruder.userId);
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(audit.items()).isNotEmpty().allSatisfy(e -> assertThat(e.get("target")).isEqualTo(id));
  }

  @Test
  void runningWorkspacesPerUserAreLimited() throws Exception {
    IdeUser user = IdeUser.fresh("ide-limit");
    String first = user.running("one");
    String second = user.running("two");
    String third = user.create("three");
    try {
      ApiClient.Reply refused = user.api.post("/api/ide/workspaces/" + third + "/start", null);
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.string("detail")).contains("at most 2");
      user.api.post("/api/ide/workspaces/" + first + "/stop", null);
      user.start(third);
    } finally {
      user.delete(first);
      user.delete(second);
      user.delete(third);
    }
  }

  @Test
  void aContainerThatDiesIsShownAsFailedWithTheReasonAndCanBeRestarted() throws Exception {
    IdeUser user = IdeUser.fresh("ide-crash");
    String id = user.running("crashy");
    try {
      user.api.putBytes("/api/ide/workspaces/" + id + "/files/content?path=keep.txt", "text/plain", "kept".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
      DockerCli.run("kill", "cw-ws-" + id);
      ApiClient.Reply failed = user.awaitStatus(id, "failed", Duration.ofSeconds(20));
      assertThat(failed.string("statusDetail")).contains("stopped unexpectedly");

      ApiClient.Reply restarted = user.api.post("/api/ide/workspaces/" + id + "/restart", null);
      assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
      user.awaitStatus(id, "running", Duration.ofSeconds(60));
      assertThat(user.api.get("/api/ide/workspaces/" + id + "/files/content?path=keep.txt").body()).isEqualTo("kept");

      // Removed behind the app's back: reconciliation notices, a start recreates it with the files kept in the volume.
      DockerCli.run("rm", "-f", "cw-ws-" + id);
      ApiClient.Reply gone = user.awaitStatus(id, "failed", Duration.ofSeconds(20));
      assertThat(gone.string("statusDetail")).contains("removed outside");
      user.start(id);
      assertThat(user.api.get("/api/ide/workspaces/" + id + "/files/content?path=keep.txt").body()).isEqualTo("kept");
    } finally {
      user.delete(id);
    }
  }

  @Test
  void anIdleWorkspaceStopsByItselfAndSaysWhy() throws Exception {
    IdeUser user = IdeUser.fresh("ide-idle");
    ApiClient.Reply created =
        user.api.post("/api/ide/workspaces", Map.of("name", "sleepy", "template", "default", "autoStopMinutes", 1));
    String id = created.string("id");
    try {
      user.start(id);
      ApiClient.Reply running = user.api.get("/api/ide/workspaces/" + id);
      assertThat(((Number) running.json().get("idleSecondsLeft")).longValue()).isBetween(1L, 60L);
      ApiClient.Reply stopped = user.awaitStatus(id, "stopped", Duration.ofSeconds(100));
      assertThat(stopped.string("statusDetail")).contains("idle");
      assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", "cw-ws-" + id).trim()).isEqualTo("false");
    } finally {
      user.delete(id);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> labels(String container) {
    return (Map<String, Object>) ((Map<String, Object>) DockerCli.inspect(container).get("Config")).get("Labels");
  }
}
