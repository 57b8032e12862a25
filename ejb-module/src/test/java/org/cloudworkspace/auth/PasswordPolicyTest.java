package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudworkspace.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  @ParameterizedTest
  @ValueSource(strings = {"password", "12345678", "qwertyuiop", "Password1", "iloveyou", "PASSWORD123"})
  void refusesCommonPasswordsWhateverTheirCase(String common) {
    assertThatThrownBy(() -> policy.check("password", common, "someone"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("commonly used");
  }

  @Test
  void refusesShortEmptyAndUsernamePasswords() {
    assertThatThrownBy(() -> policy.check("pw", "seven77", "u")).hasMessageContaining("at least 8");
    assertThatThrownBy(() -> policy.check("pw", "", "u")).hasMessageContaining("Enter a password");
    assertThatThrownBy(() -> policy.check("pw", null, "u")).hasMessageContaining("Enter a password");
    assertThatThrownBy(() -> policy.check("pw", "Alice.Smith", "alice.smith")).hasMessageContaining("username");
  }

  @Test
  void acceptsLongPassphrasesWithoutCompositionRules() {
    assertThatCode(() -> policy.check("pw", "all lower case words here", "u")).doesNotThrowAnyException();
    assertThatCode(() -> policy.check("pw", "x".repeat(64) + " and more", "u")).doesNotThrowAnyException();
    assertThatCode(() -> policy.check("pw", "ü".repeat(8), "u")).doesNotThrowAnyException();
    assertThatThrownBy(() -> policy.check("pw", "y".repeat(1025), "u")).hasMessageContaining("at most 1024");
  }

  @Test
  void namesTheFieldInTheError() {
    assertThatThrownBy(() -> policy.check("newPassword", "short", "u"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("newPassword")));
  }
}
