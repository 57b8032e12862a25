package org.cloudworkspace.runner.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code shared-secret}: DOWN while the runner has no usable secret and so refuses every request. */
@Readiness
@ApplicationScoped
public class SharedSecretReadinessCheck implements HealthCheck {

  @Inject RunnerSecurityConfig security;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("shared-secret").status(security.verifier().isPresent()).build();
  }
}
