package org.cloudworkspace.ide.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cloudworkspace.ide.runner.RunnerClient;
import org.cloudworkspace.ide.runner.RunnerPing;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code runner}: UP when the runner accepts a signed ping. Bounded by the client's timeouts (2 s to
 * connect, 5 s in all) and never throws: any failure is reported as DOWN with the reason.
 */
@Readiness
@ApplicationScoped
public class RunnerReadinessCheck implements HealthCheck {

  @Inject RunnerClient runner;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("runner");
    try {
      response.withData("url", runner.runnerUrl());
      RunnerPing ping = runner.ping();
      if (ping.reachable()) {
        return response.up().withData("version", ping.version()).build();
      }
      return response.down().withData("error", ping.error()).build();
    } catch (RuntimeException e) {
      return response.down().withData("error", "The runner check failed: " + e.getClass().getSimpleName()).build();
    }
  }
}
