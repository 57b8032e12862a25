package org.cloudworkspace.runner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.cloudworkspace.runner.security.NonceCache.Outcome;
import org.junit.jupiter.api.Test;

class NonceCacheTest {

  private static final Instant T0 = Instant.ofEpochSecond(1767225600L);
  private static final Duration TTL = Duration.ofSeconds(120);

  @Test
  void recordsANewNonceAndRefusesItAgainWhileRemembered() {
    NonceCache cache = new NonceCache(10, TTL);

    assertThat(cache.record("a", T0)).isEqualTo(Outcome.RECORDED);
    assertThat(cache.record("a", T0.plusSeconds(119))).isEqualTo(Outcome.REPLAYED);
    assertThat(cache.record("b", T0.plusSeconds(1))).isEqualTo(Outcome.RECORDED);
  }

  @Test
  void forgetsANonceOnceItHasExpired() {
    NonceCache cache = new NonceCache(10, TTL);
    cache.record("a", T0);

    assertThat(cache.record("a", T0.plus(TTL))).isEqualTo(Outcome.RECORDED);
  }

  @Test
  void removesExpiredEntriesSoTheSizeStaysBounded() {
    NonceCache cache = new NonceCache(10, TTL);
    for (int i = 0; i < 5; i++) {
      cache.record("old-" + i, T0.plusSeconds(i));
    }

    cache.record("new", T0.plusSeconds(122));

    assertThat(cache.size()).isEqualTo(3); // old-3, old-4 and new
  }

  @Test
  void refusesToRecordWhenFullOfUnexpiredNoncesInsteadOfForgettingOne() {
    NonceCache cache = new NonceCache(2, TTL);
    cache.record("a", T0);
    cache.record("b", T0);

    assertThat(cache.record("c", T0.plusSeconds(10))).isEqualTo(Outcome.FULL);
    assertThat(cache.record("a", T0.plusSeconds(10))).isEqualTo(Outcome.REPLAYED);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void makesRoomOnceTheOldestEntriesExpire() {
    NonceCache cache = new NonceCache(2, TTL);
    cache.record("a", T0);
    cache.record("b", T0.plusSeconds(60));

    assertThat(cache.record("c", T0.plusSeconds(121))).isEqualTo(Outcome.RECORDED);
    assertThat(cache.record("b", T0.plusSeconds(121))).isEqualTo(Outcome.REPLAYED);
  }

  @Test
  void refusesANonsensicalConfiguration() {
    assertThatThrownBy(() -> new NonceCache(0, TTL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NonceCache(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
