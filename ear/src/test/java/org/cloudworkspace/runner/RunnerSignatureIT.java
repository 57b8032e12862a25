package org.cloudworkspace.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.runner.RunnerTestClient.NO_BODY;
import static org.cloudworkspace.runner.RunnerTestClient.fromJson;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cloudworkspace.runner.RunnerTestClient.PingAnswer;
import org.cloudworkspace.runner.RunnerTestClient.Problem;
import org.cloudworkspace.runner.RunnerTestClient.Signing;
import org.junit.jupiter.api.Test;

/** The runner answers only requests signed with RUNNER_SHARED_SECRET (docs/runner-protocol.md). */
class RunnerSignatureIT {

  private static final String PING = "/api/v1/ping";
  private static final String OTHER_SECRET = "not-the-runner-secret-but-long-enough-0123456789";

  private final RunnerTestClient runner = new RunnerTestClient();

  @Test
  void answersASignedPing() {
    HttpResponse<String> response = runner.send(Signing.of("GET", PING, NO_BODY));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    PingAnswer answer = fromJson(response.body(), PingAnswer.class);
    assertThat(answer.status()).isEqualTo("ok");
    assertThat(answer.service()).isEqualTo("runner");
    assertThat(answer.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void refusesAnUnsignedRequest() {
    assertRefused(runner.send("GET", PING, NO_BODY));
  }

  @Test
  void refusesAnUnsignedRequestToAnyPathOfTheRunner() {
    assertRefused(runner.send("GET", "/", NO_BODY));
    assertRefused(runner.send("GET", "/api/v1/unknown", NO_BODY));
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    assertRefused(runner.send(Signing.of("GET", PING, NO_BODY).withSecret(OTHER_SECRET)));
  }

  @Test
  void refusesAnExpiredTimestamp() {
    Signing signing = Signing.of("GET", PING, NO_BODY);

    assertRefused(runner.send(signing.withTimestamp(signing.timestamp() - 120)));
  }

  @Test
  void refusesATimestampTooFarInTheFuture() {
    Signing signing = Signing.of("GET", PING, NO_BODY);

    assertRefused(runner.send(signing.withTimestamp(signing.timestamp() + 120)));
  }

  @Test
  void refusesAReplayedRequest() {
    Signing signing = Signing.of("GET", PING, NO_BODY);

    assertThat(runner.send(signing).statusCode()).isEqualTo(200);
    assertRefused(runner.send(signing));
  }

  @Test
  void refusesARequestWhoseBodyIsNotTheSignedOne() {
    byte[] signedBody = "{\"image\":\"approved\"}".getBytes(StandardCharsets.UTF_8);
    byte[] sentBody = "{\"image\":\"attacker\"}".getBytes(StandardCharsets.UTF_8);
    Signing signing = Signing.of("POST", PING, signedBody);

    assertRefused(runner.send("POST", PING, sentBody, signing.headers()));
    // The same body correctly signed passes the signature check (and the ping resource takes no POST).
    assertThat(runner.send(signing.withNonce(RunnerTestClient.newNonce())).statusCode()).isEqualTo(405);
  }

  @Test
  void refusesARequestWhosePathOrQueryIsNotTheSignedOne() {
    Signing signing = Signing.of("GET", PING, NO_BODY);

    assertRefused(runner.send("GET", PING + "?verbose=true", NO_BODY, signing.headers()));
    assertRefused(runner.send("GET", "/api/v1/other", NO_BODY, signing.headers()));
    // A query is part of what is signed: signed with it, the request passes.
    assertThat(runner.send(Signing.of("GET", PING + "?verbose=true", NO_BODY)).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAMalformedNonce() {
    assertRefused(runner.send(Signing.of("GET", PING, NO_BODY).withNonce("short")));
  }

  @Test
  void givesTheSameGenericAnswerWhateverTheReason() {
    Signing valid = Signing.of("GET", PING, NO_BODY);
    String unsigned = runner.send("GET", PING, NO_BODY).body();
    String wrongSecret = runner.send(valid.withSecret(OTHER_SECRET)).body();
    String expired = runner.send(valid.withTimestamp(valid.timestamp() - 120)).body();

    assertThat(wrongSecret).isEqualTo(unsigned);
    assertThat(expired).isEqualTo(unsigned);
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    Problem problem = fromJson(response.body(), Problem.class);
    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.title()).isEqualTo("Unauthorized");
    assertThat(problem.type()).isNotBlank();
    assertThat(problem.detail()).isEqualTo("The request is not correctly signed for this runner.");
  }
}
