package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which earlier versions go: beyond the newest N, or older than the maximum age. */
class VersionRetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  @Test
  void keepsTheNewestUpToTheCount() {
    List<Instant> newestFirst = List.of(daysAgo(0), daysAgo(1), daysAgo(2), daysAgo(3));
    assertThat(VersionRetention.toRemove(newestFirst, Function.identity(), NOW, 2, Duration.ZERO))
        .containsExactly(daysAgo(2), daysAgo(3));
  }

  @Test
  void dropsVersionsOlderThanTheMaximumAge() {
    List<Instant> newestFirst = List.of(daysAgo(1), daysAgo(29), daysAgo(31), daysAgo(400));
    assertThat(VersionRetention.toRemove(newestFirst, Function.identity(), NOW, 10, Duration.ofDays(30)))
        .containsExactly(daysAgo(31), daysAgo(400));
  }

  @Test
  void zeroAgeKeepsVersionsRegardlessOfAge() {
    List<Instant> newestFirst = List.of(daysAgo(1), daysAgo(4000));
    assertThat(VersionRetention.toRemove(newestFirst, Function.identity(), NOW, 10, Duration.ZERO)).isEmpty();
  }
}
