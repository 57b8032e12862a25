package org.cloudworkspace.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

  private static Map<String, String> allSecrets() {
    Map<String, String> values = new HashMap<>();
    for (String name : SecretsCheck.SECRET_NAMES) {
      values.put(name, "s".repeat(40));
    }
    return values;
  }

  @Test
  void noProblemWhenEverySecretIsLongEnough() {
    Map<String, String> values = allSecrets();
    assertThat(SecretsCheck.problems(n -> Optional.ofNullable(values.get(n)))).isEmpty();
  }

  @Test
  void namesEveryMissingAndShortSecret() {
    Map<String, String> values = allSecrets();
    values.remove("JWT_SECRET_KEY");
    values.put("MAIL_CREDENTIALS_KEY", "  ");
    values.put("RUNNER_SHARED_SECRET", "short");
    assertThat(SecretsCheck.problems(n -> Optional.ofNullable(values.get(n))))
        .containsExactly(
            "missing secrets JWT_SECRET_KEY, MAIL_CREDENTIALS_KEY",
            "secrets shorter than 32 characters: RUNNER_SHARED_SECRET");
  }
}
