package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudworkspace.common.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

  @ParameterizedTest
  @ValueSource(strings = {"alice", "Bob", "j.doe", "team-7", "x_y", "0day"})
  void acceptsAndLowerCases(String raw) {
    assertThat(Username.of(raw).value()).isEqualTo(raw.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "../etc", "a/b", "a\\b", ".hidden", "-dash", "with space", "nul\u0000", "ünïcode"})
  void refusesNamesThatAreNotUrlSafe(String raw) {
    assertThatThrownBy(() -> Username.of(raw)).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 200})
  void refusesOverlongNames(int length) {
    assertThatThrownBy(() -> Username.of("a".repeat(length))).isInstanceOf(InvalidInputException.class);
  }
}
