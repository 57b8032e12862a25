package org.cloudworkspace.ide.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunnerClientTest {

  private static final String SECRET = "a-shared-secret-of-more-than-32-bytes";
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1767225600L), ZoneOffset.UTC);

  @Test
  void reportsAMissingSecretWithoutCallingTheRunner() {
    RunnerPing ping = client("http://127.0.0.1:1", Optional.empty()).ping();

    assertThat(ping.reachable()).isFalse();
    assertThat(ping.error()).isEqualTo("RUNNER_SHARED_SECRET is not set");
  }

  @Test
  void reportsASecretTheRunnerWouldRefuseWithoutRevealingIt() {
    String shortSecret = "only-31-bytes-0123456789abcdefg";

    RunnerPing ping = client("http://127.0.0.1:1", Optional.of(shortSecret)).ping();

    assertThat(ping.reachable()).isFalse();
    assertThat(ping.error()).contains("31 bytes").doesNotContain(shortSecret);
  }

  @Test
  void reportsAnUnusableRunnerUrl() {
    for (String url : new String[] {"not a url", "ftp://runner:21", "runner:9081", "http://runner:9081/?x=1"}) {
      RunnerPing ping = client(url, Optional.of(SECRET)).ping();

      assertThat(ping.reachable()).as(url).isFalse();
      assertThat(ping.error()).as(url).startsWith("RUNNER_URL is not an http:// or https:// address");
    }
  }

  @Test
  void reportsARunnerThatIsNotListening() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    long start = System.nanoTime();

    RunnerPing ping = client("http://127.0.0.1:" + port, Optional.of(SECRET)).ping();

    assertThat(ping.reachable()).isFalse();
    assertThat(ping.error()).startsWith("Cannot connect to the runner at http://127.0.0.1:" + port);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void givesUpOnARunnerThatDoesNotAnswerWithinTheRequestTimeout() throws IOException {
    // A socket that accepts connections (into its backlog) but never answers.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      RunnerClient client =
          new RunnerClient(url, Optional.of(SECRET), CLOCK, Duration.ofMillis(500), Duration.ofMillis(400));
      long start = System.nanoTime();

      RunnerPing ping = client.ping();

      assertThat(ping.reachable()).isFalse();
      assertThat(ping.error()).isEqualTo("The runner at " + url + " did not answer within 400 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void signsTheRequestTargetItSendsAndReportsARefusedSignature() throws IOException {
    AtomicReference<String> target = new AtomicReference<>();
    AtomicReference<Headers> headers = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          target.set(exchange.getRequestURI().toString());
          headers.set(exchange.getRequestHeaders());
          exchange.sendResponseHeaders(401, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

      RunnerPing ping = client(url, Optional.of(SECRET)).ping();

      assertThat(ping.reachable()).isFalse();
      assertThat(ping.error()).contains("HTTP 401").contains("RUNNER_SHARED_SECRET").doesNotContain(SECRET);
      assertThat(target.get()).isEqualTo("/api/v1/ping");
      String nonce = headers.get().getFirst("X-Runner-Nonce");
      assertThat(headers.get().getFirst("X-Runner-Timestamp")).isEqualTo("1767225600");
      assertThat(headers.get().getFirst("X-Runner-Signature"))
          .isEqualTo(
              new RunnerRequestSigner(SECRET, CLOCK)
                  .signature("GET", "/api/v1/ping", 1767225600L, nonce, new byte[0]));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void reportsAnotherServiceThatAnswersOnTheRunnerAddress() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      RunnerPing ping = client("http://127.0.0.1:" + server.getAddress().getPort(), Optional.of(SECRET)).ping();

      assertThat(ping.reachable()).isFalse();
      assertThat(ping.error()).isEqualTo("The runner answered the ping with HTTP 404");
    } finally {
      server.stop(0);
    }
  }

  private static RunnerClient client(String url, Optional<String> secret) {
    return new RunnerClient(url, secret, CLOCK, RunnerClient.CONNECT_TIMEOUT, RunnerClient.REQUEST_TIMEOUT);
  }
}
