package org.cloudworkspace.ide.runner;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests to the runner (docs/runner-protocol.md): HMAC-SHA256 under the shared secret of method, raw path and
 * query, timestamp, nonce and body hash. Pure: no I/O, the clock and the random source are the only inputs besides the
 * request.
 */
public final class RunnerRequestSigner {

  /** Unix time in seconds at which the request was signed. */
  public static final String TIMESTAMP_HEADER = "X-Runner-Timestamp";

  /** A fresh 128-bit random value, base64url without padding. */
  public static final String NONCE_HEADER = "X-Runner-Nonce";

  /** Lowercase hex HMAC-SHA256 of the canonical string. */
  public static final String SIGNATURE_HEADER = "X-Runner-Signature";

  private static final String HMAC = "HmacSHA256";
  private static final int NONCE_BYTES = 16;
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] secret;
  private final Clock clock;
  private final SecureRandom random;

  /** A signer for the secret (used as its UTF-8 bytes), taking the time from the clock. */
  public RunnerRequestSigner(String secret, Clock clock) {
    this(secret, clock, new SecureRandom());
  }

  RunnerRequestSigner(String secret, Clock clock, SecureRandom random) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.random = random;
  }

  /** The three signature headers for a request to {@code uri}, signed now with a fresh nonce. */
  public SignatureHeaders sign(String method, URI uri, byte[] body) {
    long timestamp = clock.instant().getEpochSecond();
    String nonce = newNonce();
    return new SignatureHeaders(
        Long.toString(timestamp), nonce, signature(method, pathAndQuery(uri), timestamp, nonce, body));
  }

  /** The signature of one request, given every part of it; the same inputs always give the same signature. */
  public String signature(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
    String canonical = canonicalString(method, pathAndQuery, timestamp, nonce, sha256Hex(body));
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot compute " + HMAC, e);
    }
  }

  /**
   * The request target exactly as {@link java.net.http.HttpClient} sends it for {@code uri}: the raw (encoded) path,
   * {@code /} when it is empty, plus {@code ?} and the raw query when there is one.
   */
  public static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  static String canonicalString(String method, String pathAndQuery, long timestamp, String nonce, String bodyHash) {
    return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
  }

  static String sha256Hex(byte[] body) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  private String newNonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The values of the three signature headers of one request. */
  public record SignatureHeaders(String timestamp, String nonce, String signature) {

    /** The headers as name-value pairs, ready for {@code HttpRequest.Builder.headers(...)}. */
    public String[] asHeaderArray() {
      return new String[] {
        TIMESTAMP_HEADER, timestamp, NONCE_HEADER, nonce, SIGNATURE_HEADER, signature
      };
    }
  }
}
