package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.TerminalSocket;
import org.cloudworkspace.it.TestServers;

/** A fresh user of the IDE API, with helpers to create and start workspaces and to open terminals. */
final class IdeUser {

  final String username;
  final String userId;
  final ApiClient api;

  private IdeUser(String username, String userId, ApiClient api) {
    this.username = username;
    this.userId = userId;
    this.api = api;
  }

  static IdeUser fresh(String prefix) {
    String username = ApiClient.uniqueUsername(prefix);
    String password = "ide-" + username + "-Passw0rd!";
    String id = ApiClient.createUser(username, password, "user");
    return new IdeUser(username, id, new ApiClient().signIn(username, password));
  }

  /** Creates a workspace from the default template; returns its id. */
  String create(String name) {
    ApiClient.Reply reply = api.post("/api/ide/workspaces", Map.of("name", name, "template", "default"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  /** Creates and starts a workspace and waits until it is running; returns its id. */
  String running(String name) throws InterruptedException {
    String id = create(name);
    start(id);
    return id;
  }

  void start(String id) throws InterruptedException {
    ApiClient.Reply started = api.post("/api/ide/workspaces/" + id + "/start", null);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    awaitStatus(id, "running", Duration.ofSeconds(90));
  }

  /** Waits until the workspace has the status; fails with the last answer otherwise. */
  ApiClient.Reply awaitStatus(String id, String status, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ApiClient.Reply reply;
    do {
      reply = api.get("/api/ide/workspaces/" + id);
      if (status.equals(reply.string("status"))) {
        return reply;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("Workspace " + id + " did not become " + status + ": " + reply.body());
  }

  void delete(String id) {
    api.delete("/api/ide/workspaces/" + id);
  }

  /** Opens a terminal; returns its id. */
  String openTerminal(String id, int cols, int rows) {
    ApiClient.Reply reply = api.post("/api/ide/workspaces/" + id + "/terminals", Map.of("cols", cols, "rows", rows));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  /** A fresh one-time ticket for a terminal. */
  String ticket(String id, String terminalId) {
    ApiClient.Reply reply = api.post("/api/ide/workspaces/" + id + "/terminals/" + terminalId + "/ticket", null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.string("ticket");
  }

  /** Connects a terminal as the SPA does: a fresh ticket and the app's own Origin. */
  TerminalSocket attach(String id, String terminalId) throws Exception {
    return TerminalSocket.connect(terminalUri(ticket(id, terminalId)), Map.of("Origin", origin()));
  }

  static URI terminalUri(String ticket) {
    return URI.create(TestServers.appUrl().toString().replaceFirst("^http", "ws") + "/ws/ide/terminal?ticket=" + ticket);
  }

  static String origin() {
    URI app = TestServers.appUrl();
    return app.getScheme() + "://" + app.getHost() + ":" + app.getPort();
  }
}
