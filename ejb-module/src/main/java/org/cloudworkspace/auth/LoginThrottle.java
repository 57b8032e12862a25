package org.cloudworkspace.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Failed sign-ins counted for one key (an account or a client address) within a window. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

  @Id
  @Column(name = "throttle_key")
  private String key;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_started_at", nullable = false)
  private Instant windowStartedAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected LoginThrottle() {}

  LoginThrottle(String key, Instant now) {
    this.key = key;
    this.failures = 0;
    this.windowStartedAt = now;
  }

  /** Seconds until the key may try again, or 0 when it is not locked. */
  long secondsLocked(Instant now) {
    if (lockedUntil == null || !now.isBefore(lockedUntil)) {
      return 0;
    }
    return Math.max(1, (Duration.between(now, lockedUntil).toMillis() + 999) / 1000);
  }

  /**
   * Counts a failure. Once {@code threshold} failures fall into one window the key is locked, for {@code lock} at
   * first and twice as long for each further threshold reached, never longer than the window.
   */
  void recordFailure(Instant now, int threshold, Duration window, Duration lock) {
    if (!now.isBefore(windowStartedAt.plus(window))) {
      failures = 0;
      windowStartedAt = now;
    }
    failures++;
    if (failures >= threshold) {
      int doublings = Math.min(20, failures / threshold - 1);
      Duration length = lock.multipliedBy(1L << doublings);
      if (length.compareTo(window) > 0) {
        length = window;
      }
      lockedUntil = now.plus(length);
    }
  }

  int failures() {
    return failures;
  }
}
