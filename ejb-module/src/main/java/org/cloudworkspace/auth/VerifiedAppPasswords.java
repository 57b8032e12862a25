package org.cloudworkspace.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * App-password sign-ins that were checked against the database moments ago, so that a client sending its Basic
 * credentials with every request (a WebDAV mount) pays for the lookups once every few seconds instead of every time.
 * Kept only in this instance's memory, keyed by an HMAC of username and secret under a random key made at start-up
 * (never the secret itself), for the token-check cache time ({@code AUTH_TOKEN_CHECK_CACHE_SECONDS}, the same bound a
 * revoked access token has on other instances). An entry is used only from the same client address, while the user's
 * tokens made at its time are still valid (disabling, deleting, signing out everywhere and password changes end it),
 * and revoking one of the user's app passwords drops the user's entries on this instance at once and at commit.
 */
@ApplicationScoped
public class VerifiedAppPasswords {

  private static final int MAX_ENTRIES = 10_000;

  private record Entry(ClientIdentity identity, String address, Instant checkedAt) {}

  private final byte[] key = new byte[32];

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Moves on every revocation, so that a check that overlapped one is not remembered. */
  private final AtomicLong generation = new AtomicLong();

  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  @Inject TokenValidity validity;

  @Inject AuthSettings settings;

  @Resource TransactionSynchronizationRegistry transactions;

  public VerifiedAppPasswords() {
    new SecureRandom().nextBytes(key);
  }

  /** The identity these credentials were verified as recently, from this address, if still good. */
  public Optional<ClientIdentity> lookup(String username, String secret, String address, Instant now) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    String entryKey = entryKey(username, secret);
    Entry entry = entries.get(entryKey);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.checkedAt.plus(settings.tokenCheckCache()).isAfter(now) || !entry.address.equals(address)
        || !validity.accepts(entry.identity.userId(), entry.checkedAt.toEpochMilli())) {
      entries.remove(entryKey, entry);
      return Optional.empty();
    }
    return Optional.of(entry.identity);
  }

  /** Where revocations stand; pass it to {@link #remember} after checking the credentials. */
  public long generation() {
    return generation.get();
  }

  /**
   * Remembers an app-password sign-in checked against the database from {@code checkedAt} on, unless an app password
   * was revoked since {@code generation} was read.
   */
  public void remember(String username, String secret, String address, ClientIdentity identity, Instant checkedAt,
      long generation) {
    if (!identity.appPassword() || settings.tokenCheckCache().isZero()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    String entryKey = entryKey(username, secret);
    entries.put(entryKey, new Entry(identity, address, checkedAt));
    if (this.generation.get() != generation) {
      entries.remove(entryKey);
    }
  }

  /** Drops the user's entries now and again when the current transaction has committed. */
  public void forgetUserAfterCommit(String userId) {
    forgetUser(userId);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            forgetUser(userId);
          }
        });
  }

  void forgetUser(String userId) {
    generation.incrementAndGet();
    entries.values().removeIf(entry -> entry.identity.userId().equals(userId));
  }

  private String entryKey(String username, String secret) {
    Mac mac = macs.get();
    return HexFormat.of().formatHex(mac.doFinal((username + '\0' + secret).getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }
}
