package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration LOCK = Duration.ofSeconds(60);
  private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void locksAtTheThresholdAndUnlocksAfterTheLock() {
    LoginThrottle throttle = new LoginThrottle("account:alice", t0);
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(t0, 5, WINDOW, LOCK);
    }
    assertThat(throttle.secondsLocked(t0)).isZero();
    throttle.recordFailure(t0, 5, WINDOW, LOCK);
    assertThat(throttle.secondsLocked(t0)).isEqualTo(60);
    assertThat(throttle.secondsLocked(t0.plusSeconds(59))).isEqualTo(1);
    assertThat(throttle.secondsLocked(t0.plusSeconds(60))).isZero();
  }

  @Test
  void lockDoublesWithEachFurtherThresholdButNeverExceedsTheWindow() {
    LoginThrottle throttle = new LoginThrottle("k", t0);
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure(t0, 5, WINDOW, LOCK);
    }
    assertThat(throttle.secondsLocked(t0)).isEqualTo(120);
    for (int i = 0; i < 200; i++) {
      throttle.recordFailure(t0, 5, WINDOW, LOCK);
    }
    assertThat(throttle.secondsLocked(t0)).isEqualTo(WINDOW.toSeconds());
  }

  @Test
  void failuresOutsideTheWindowStartAFreshCount() {
    LoginThrottle throttle = new LoginThrottle("k", t0);
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(t0, 5, WINDOW, LOCK);
    }
    Instant later = t0.plus(WINDOW).plusSeconds(1);
    throttle.recordFailure(later, 5, WINDOW, LOCK);
    assertThat(throttle.failures()).isEqualTo(1);
    assertThat(throttle.secondsLocked(later)).isZero();
  }
}
