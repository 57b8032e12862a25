package org.cloudworkspace.runner.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature algorithm of the runner protocol: header names, canonical string, SHA-256 and HMAC-SHA256. */
public final class RequestSignature {

  /** Unix time in seconds at which the caller signed the request. */
  public static final String TIMESTAMP_HEADER = "X-Runner-Timestamp";

  /** A single-use random value (at least 128 bits, base64url, at most 64 characters). */
  public static final String NONCE_HEADER = "X-Runner-Nonce";

  /** Lowercase hex HMAC-SHA256 of the canonical string under the shared secret. */
  public static final String SIGNATURE_HEADER = "X-Runner-Signature";

  private static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private RequestSignature() {}

  /**
   * The string that is signed: method, raw path and query as sent, timestamp, nonce and body hash, one per line.
   */
  public static String canonicalString(
      String method, String pathAndQuery, long timestamp, String nonce, String bodySha256Hex) {
    return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodySha256Hex;
  }

  /** Lowercase hex SHA-256 of the body bytes (of no bytes when there is no body). */
  public static String sha256Hex(byte[] body) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  /** Lowercase hex HMAC-SHA256 of the canonical string (as UTF-8) under the secret. */
  public static String hmacSha256Hex(byte[] secret, String canonicalString) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return HEX.formatHex(mac.doFinal(canonicalString.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot compute " + HMAC, e);
    }
  }
}
