package org.cloudworkspace.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cloudworkspace.runner.RunnerTestClient.fromJson;

import java.net.http.HttpResponse;
import org.cloudworkspace.it.TestServers;
import org.cloudworkspace.runner.RunnerTestClient.Check;
import org.cloudworkspace.runner.RunnerTestClient.Health;
import org.junit.jupiter.api.Test;

/** The runner's unsigned health endpoints, and the app's readiness check that pings the runner with a signature. */
class RunnerHealthIT {

  private final RunnerTestClient client = new RunnerTestClient();

  @Test
  void runnerIsReadyWithoutASignature() {
    HttpResponse<String> response = client.getUnsigned(TestServers.runnerUrl().resolve("/health/ready"));

    assertThat(response.statusCode()).isEqualTo(200);
    Health health = fromJson(response.body(), Health.class);
    assertThat(health.status()).isEqualTo("UP");
    assertThat(health.checks()).extracting(Check::name, Check::status).contains(tuple("shared-secret", "UP"));
  }

  @Test
  void runnerIsLiveWithoutASignature() {
    HttpResponse<String> response = client.getUnsigned(TestServers.runnerUrl().resolve("/health/live"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fromJson(response.body(), Health.class).status()).isEqualTo("UP");
  }

  @Test
  void appReportsTheRunnerReadyThroughASignedPing() {
    HttpResponse<String> response = client.getUnsigned(TestServers.appUrl().resolve("/health/ready"));

    Health health = fromJson(response.body(), Health.class);
    assertThat(health.checks()).filteredOn(check -> check.name().equals("runner")).singleElement().satisfies(
        runner -> {
          assertThat(runner.status()).as("runner check %s", runner.data()).isEqualTo("UP");
          assertThat(runner.data()).containsEntry("url", TestServers.runnerUrl().toString());
        });
  }
}
