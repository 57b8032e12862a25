package org.cloudworkspace.runner.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nonces of recently accepted requests, so that a captured request cannot be replayed. Each entry expires after a
 * fixed time (twice the timestamp window, so a nonce is remembered for as long as its timestamp could be accepted) and
 * the cache never holds more than its capacity: when it is full of unexpired nonces it refuses to record more rather
 * than forget one early.
 */
public final class NonceCache {

  /** The outcome of {@link #record}. */
  public enum Outcome {
    RECORDED,
    REPLAYED,
    FULL
  }

  private final int capacity;
  private final Duration timeToLive;
  private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

  /** A cache of at most {@code capacity} nonces, each remembered for {@code timeToLive}. */
  public NonceCache(int capacity, Duration timeToLive) {
    if (capacity < 1) {
      throw new IllegalArgumentException("A nonce cache needs a capacity of at least 1, not " + capacity);
    }
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException("A nonce must be remembered for a positive time, not " + timeToLive);
    }
    this.capacity = capacity;
    this.timeToLive = timeToLive;
  }

  /** Records the nonce as used at {@code now}, unless it is still remembered or the cache is full. */
  public synchronized Outcome record(String nonce, Instant now) {
    removeExpired(now);
    Instant expiry = expiries.get(nonce);
    if (expiry != null && expiry.isAfter(now)) {
      return Outcome.REPLAYED;
    }
    if (expiry == null && expiries.size() >= capacity) {
      return Outcome.FULL;
    }
    expiries.remove(nonce);
    expiries.put(nonce, now.plus(timeToLive));
    return Outcome.RECORDED;
  }

  /** How many nonces are remembered now, expired ones not yet removed included. */
  public synchronized int size() {
    return expiries.size();
  }

  private void removeExpired(Instant now) {
    // Entries are in insertion order and share one time to live, so the expired ones sit at the head.
    Iterator<Map.Entry<String, Instant>> entries = expiries.entrySet().iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue().isAfter(now)) {
        return;
      }
      entries.remove();
    }
  }
}
