package org.cloudworkspace.inventory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 request signature between the workspace and InventoryPro (docs/integrations/inventorypro.md): the
 * lowercase hex HMAC under the shared secret of {@code METHOD\nPATH\nTIMESTAMP\nBODY_SHA256}. Pure: no I/O, no clock.
 */
public final class RequestSignature {

  /** Unix time in seconds at which the request was signed. */
  public static final String TIMESTAMP_HEADER = "X-InventoryPro-Timestamp";

  /** Lowercase hex HMAC-SHA256 of the canonical string. */
  public static final String SIGNATURE_HEADER = "X-InventoryPro-Signature";

  /** How far a timestamp may be from the verifier's clock, in seconds, either way. */
  public static final long MAX_SKEW_SECONDS = 60;

  /** SHA-256 of no bytes: the body hash of a request without a body. */
  public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern TIMESTAMP_SHAPE = Pattern.compile("[0-9]{1,12}");
  private static final Pattern SIGNATURE_SHAPE = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern HASH_SHAPE = SIGNATURE_SHAPE;

  private final byte[] secret;

  /** A signer and verifier for the secret's bytes (the UTF-8 bytes of the configured value). */
  public RequestSignature(byte[] secret) {
    this.secret = secret.clone();
  }

  /** The canonical string: four lines joined by {@code \n}, no trailing newline. */
  public static String canonicalString(String method, String pathAndQuery, long timestamp, String bodySha256) {
    return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + bodySha256;
  }

  /** The signature of one request, given its body hash. */
  public String sign(String method, String pathAndQuery, long timestamp, String bodySha256) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      byte[] canonical = canonicalString(method, pathAndQuery, timestamp, bodySha256).getBytes(StandardCharsets.UTF_8);
      return HEX.formatHex(mac.doFinal(canonical));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot compute " + HMAC, e);
    }
  }

  /**
   * Whether the headers carry a fresh, correct signature of the request. The signature is compared in constant time;
   * the reason of a refusal is not told, so that a caller learns nothing from it.
   */
  public boolean verify(
      String method, String pathAndQuery, String timestampHeader, String signatureHeader, byte[] body, long nowSeconds) {
    if (timestampHeader == null || signatureHeader == null || !TIMESTAMP_SHAPE.matcher(timestampHeader).matches()) {
      return false;
    }
    long timestamp = Long.parseLong(timestampHeader);
    if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) {
      return false;
    }
    String presented = signatureHeader.trim().toLowerCase(java.util.Locale.ROOT);
    if (!SIGNATURE_SHAPE.matcher(presented).matches()) {
      return false;
    }
    String expected = sign(method, pathAndQuery, timestamp, sha256Hex(body));
    return constantTimeEquals(expected, presented);
  }

  /** Compares two strings in time that depends only on their lengths, never on where they first differ. */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a value looks like a lowercase hex SHA-256. */
  public static boolean isSha256Hex(String value) {
    return value != null && HASH_SHAPE.matcher(value).matches();
  }

  /** Lowercase hex SHA-256 of the bytes (of no bytes when null). */
  public static String sha256Hex(byte[] body) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }
}
