package org.cloudworkspace.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.DeploymentException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.TerminalSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terminals through the whole path: browser-side WebSocket → app → runner → docker exec and back; reconnect with
 * replay, resize, several terminals, tickets and Origin.
 */
class IdeTerminalIT {

  private static IdeUser user;
  private static String id;

  @BeforeAll
  static void startWorkspace() throws Exception {
    user = IdeUser.fresh("ide-term");
    id = user.running("terminals");
  }

  @AfterAll
  static void removeWorkspace() {
    user.delete(id);
  }

  @Test
  void roundTripResizeAndReconnectToTheSameShellWithReplay() throws Exception {
    String terminal = user.openTerminal(id, 100, 30);
    try (TerminalSocket socket = user.attach(id, terminal)) {
      socket.type("export MARK=shell-$$; echo \"$MARK\" && whoami && pwd && stty size\n");
      socket.awaitOutput("coder", Duration.ofSeconds(10));
      socket.awaitOutput("/workspace", Duration.ofSeconds(10));
      socket.awaitOutput("30 100", Duration.ofSeconds(10));
      socket.resize(132, 43);
      Thread.sleep(300);
      socket.type("stty size\n");
      socket.awaitOutput("43 132", Duration.ofSeconds(10));
      socket.type("head -c 70000 /dev/zero | tr '\\0' y; echo; echo BEFORE-$((2+3))-DROP\n");
      socket.awaitOutput("BEFORE-5-DROP\r\n", Duration.ofSeconds(15));
    }
    // The tab closed; the shell lives on. A new connection replays its output and reaches the same shell.
    try (TerminalSocket again = user.attach(id, terminal)) {
      String replay = again.awaitOutput("BEFORE-5-DROP\r\n", Duration.ofSeconds(10));
      assertThat(replay.chars().filter(c -> c == 'y').count()).isGreaterThanOrEqualTo(64 * 1024);
      again.type("echo \"same-$MARK\"\n");
      String output = again.awaitOutput("same-shell-", Duration.ofSeconds(10));
      assertThat(output).contains("same-shell-");
    }
    assertThat(user.api.get("/api/ide/workspaces/" + id + "/terminals").jsonList())
        .extracting(t -> t.get("id"))
        .contains(terminal);
  }

  @Test
  void severalTerminalsAreIndependentAndAnExitIsReported() throws Exception {
    String one = user.openTerminal(id, 80, 24);
    String two = user.openTerminal(id, 80, 24);
    try (TerminalSocket a = user.attach(id, one);
        TerminalSocket b = user.attach(id, two)) {
      a.type("echo only-in-$((1))a\n");
      b.type("echo only-in-$((1))b\n");
      a.awaitOutput("only-in-1a\r\n", Duration.ofSeconds(10));
      b.awaitOutput("only-in-1b\r\n", Duration.ofSeconds(10));
      assertThat(a.output()).doesNotContain("only-in-1b");
      b.type("exit 3\n");
      b.awaitClose(Duration.ofSeconds(10));
      assertThat(b.events()).anySatisfy(e -> assertThat(e).contains("\"exit\"").contains("3"));
    }
    assertThat(user.api.delete("/api/ide/workspaces/" + id + "/terminals/" + one).status()).isEqualTo(204);
    assertThat(user.api.get("/api/ide/workspaces/" + id + "/terminals").jsonList())
        .extracting(t -> t.get("id"))
        .doesNotContain(one);
  }

  @Test
  void ticketsAreSingleUseBoundToTheOwnerAndTheOriginIsChecked() throws Exception {
    String terminal = user.openTerminal(id, 80, 24);
    String ticket = user.ticket(id, terminal);
    try (TerminalSocket first = TerminalSocket.connect(IdeUser.terminalUri(ticket), Map.of("Origin", IdeUser.origin()))) {
      assertThat(first.isOpen()).isTrue();
    }
    assertThatThrownBy(() -> TerminalSocket.connect(IdeUser.terminalUri(ticket), Map.of("Origin", IdeUser.origin())))
        .isInstanceOf(DeploymentException.class);

    String fresh = user.ticket(id, terminal);
    assertThatThrownBy(
            () -> TerminalSocket.connect(IdeUser.terminalUri(fresh), Map.of("Origin", "https://evil.example")))
        .isInstanceOf(DeploymentException.class);
    assertThatThrownBy(() -> TerminalSocket.connect(IdeUser.terminalUri("forged-" + "x".repeat(40)),
            Map.of("Origin", IdeUser.origin())))
        .isInstanceOf(DeploymentException.class);

    IdeUser other = IdeUser.fresh("ide-other");
    assertThat(other.api.post("/api/ide/workspaces/" + id + "/terminals/" + terminal + "/ticket", null).status())
        .isEqualTo(403);
    assertThat(other.api.post("/api/ide/workspaces/" + id + "/terminals", Map.of("cols", 80, "rows", 24)).status())
        .isEqualTo(403);
    assertThat(List.of(user.api.post("/api/ide/workspaces/" + id + "/terminals", Map.of("cols", 1, "rows", 24))))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
  }
}
