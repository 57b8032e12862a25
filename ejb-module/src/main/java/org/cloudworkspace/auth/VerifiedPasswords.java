package org.cloudworkspace.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Account passwords that passed the slow Argon2 check recently, so that a client sending Basic credentials with every
 * request does not pay for the hash each time. Kept only in this instance's memory, keyed by an HMAC under a random
 * key made at start-up (never the password itself), for a few minutes; an entry is worth nothing once the user's
 * "valid after" moment (sign-out, password change, disabling) has passed its time.
 */
@ApplicationScoped
public class VerifiedPasswords {

  static final Duration LIFETIME = Duration.ofMinutes(5);

  private static final int MAX_ENTRIES = 10_000;

  private final byte[] key = new byte[32];

  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  public VerifiedPasswords() {
    new SecureRandom().nextBytes(key);
  }

  /** When this password of this user was last verified, if recently. */
  public Optional<Instant> verifiedAt(String userId, String password, Instant now) {
    String entry = entryKey(userId, password);
    Instant at = verified.get(entry);
    if (at == null) {
      return Optional.empty();
    }
    if (at.plus(LIFETIME).isBefore(now)) {
      verified.remove(entry);
      return Optional.empty();
    }
    return Optional.of(at);
  }

  public void remember(String userId, String password, Instant now) {
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(entryKey(userId, password), now);
  }

  private String entryKey(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((userId + '\0' + password).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }
}
