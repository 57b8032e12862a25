package org.cloudworkspace.runner.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the signature headers of a request against the shared secret: present and well formed, timestamp within
 * {@link #WINDOW} of now, signature equal (compared in constant time) to the HMAC of the canonical string, and a nonce
 * not used before. The nonce is recorded only after the signature is verified, so unsigned requests cannot fill the
 * nonce cache.
 */
public final class SignatureVerifier {

  /** How far a request's timestamp may be from the runner's clock, either way. */
  public static final Duration WINDOW = Duration.ofSeconds(60);

  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  private final byte[] secret;
  private final Clock clock;
  private final NonceCache nonces;

  /** A verifier for the given secret, with its own clock and nonce cache. */
  public SignatureVerifier(byte[] secret, Clock clock, NonceCache nonces) {
    this.secret = secret.clone();
    this.clock = clock;
    this.nonces = nonces;
  }

  /**
   * The checks that need neither the body nor the secret: headers present, well formed and timestamp in the window.
   * Running them first lets a request be refused before its body is read.
   */
  public Optional<Refusal> checkHeaders(String timestamp, String nonce, String signature) {
    if (timestamp == null || nonce == null || signature == null) {
      return Optional.of(Refusal.MISSING_HEADER);
    }
    if (!TIMESTAMP.matcher(timestamp).matches()
        || !NONCE.matcher(nonce).matches()
        || !SIGNATURE.matcher(signature).matches()) {
      return Optional.of(Refusal.MALFORMED_HEADER);
    }
    long now = clock.instant().getEpochSecond();
    long signedAt = Long.parseLong(timestamp);
    if (now - signedAt > WINDOW.toSeconds()) {
      return Optional.of(Refusal.STALE_TIMESTAMP);
    }
    if (signedAt - now > WINDOW.toSeconds()) {
      return Optional.of(Refusal.FUTURE_TIMESTAMP);
    }
    return Optional.empty();
  }

  /**
   * Verifies a whole request and, when it is acceptable, records its nonce. Empty means accepted.
   *
   * @param method the HTTP method as sent
   * @param pathAndQuery the raw request target: encoded path, plus {@code ?} and the raw query when there is one
   * @param body the body bytes as received (empty when there is no body)
   */
  public Optional<Refusal> verify(
      String method, String pathAndQuery, String timestamp, String nonce, String signature, byte[] body) {
    Optional<Refusal> headerProblem = checkHeaders(timestamp, nonce, signature);
    if (headerProblem.isPresent()) {
      return headerProblem;
    }
    String canonical =
        RequestSignature.canonicalString(
            method, pathAndQuery, Long.parseLong(timestamp), nonce, RequestSignature.sha256Hex(body));
    byte[] expected = RequestSignature.hmacSha256Hex(secret, canonical).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(Refusal.BAD_SIGNATURE);
    }
    return switch (nonces.record(nonce, Instant.now(clock))) {
      case RECORDED -> Optional.empty();
      case REPLAYED -> Optional.of(Refusal.REPLAYED_NONCE);
      case FULL -> Optional.of(Refusal.NONCE_CACHE_FULL);
    };
  }
}
