package org.cloudworkspace.runner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunnerSecurityConfigTest {

  @Test
  void acceptsASecretOfAtLeast32Bytes() {
    assertThat(RunnerSecurityConfig.problemWith(Optional.of("x".repeat(32)))).isEmpty();
  }

  @Test
  void refusesAMissingOrEmptySecret() {
    assertThat(RunnerSecurityConfig.problemWith(Optional.empty())).hasValueSatisfying(
        problem -> assertThat(problem).contains("RUNNER_SHARED_SECRET is not set"));
    assertThat(RunnerSecurityConfig.problemWith(Optional.of(""))).isPresent();
  }

  @Test
  void refusesAShortSecretWithoutRevealingIt() {
    String secret = "short-secret-31-bytes-long-abcd";

    assertThat(RunnerSecurityConfig.problemWith(Optional.of(secret))).hasValueSatisfying(
        problem -> assertThat(problem).contains("31 bytes").contains("at least 32").doesNotContain(secret));
  }

  @Test
  void countsBytesNotCharacters() {
    assertThat(RunnerSecurityConfig.problemWith(Optional.of("é".repeat(16)))).isEmpty();
  }
}
