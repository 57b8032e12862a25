package org.cloudworkspace.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, as every
 * authenticator app expects. A code is accepted for the current step and one step either side (clock drift), and only
 * for a step later than the last one used, so each code works once.
 */
public final class Totp {

  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  /** Steps accepted either side of the current one. */
  static final int DRIFT_STEPS = 1;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int SECRET_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A fresh 160-bit secret, base32 without padding (what authenticator apps take). */
  public static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return base32(bytes);
  }

  /** The time step of an instant. */
  public static long stepAt(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of a base32 secret at a time step (6 digits, HMAC-SHA1). */
  public static String code(String base32Secret, long step) {
    return code(fromBase32(base32Secret), step, DIGITS, "HmacSHA1");
  }

  /** RFC 4226 HOTP: the code of a key at a counter, with the given digits and HMAC algorithm. */
  static String code(byte[] key, long counter, int digits, String algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int otp = binary % (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", otp);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot compute " + algorithm, e);
    }
  }

  /**
   * The step at which the code matches, if it matches within the drift window at a step after {@code lastUsedStep}.
   */
  public static OptionalLong matchingStep(String base32Secret, String code, Instant now, long lastUsedStep) {
    if (code == null) {
      return OptionalLong.empty();
    }
    String digits = code.replaceAll("\\s", "");
    if (!digits.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = fromBase32(base32Secret);
    long current = stepAt(now);
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      if (step > lastUsedStep && constantTimeEquals(code(key, step, DIGITS, "HmacSHA1"), digits)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The otpauth:// URI authenticator apps read from the QR code. */
  public static String otpauthUri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(java.nio.charset.StandardCharsets.US_ASCII), b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] fromBase32(String text) {
    String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("Not base32");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) ((buffer >> (bits - 8)) & 0xff));
        bits -= 8;
      }
    }
    return out.array();
  }
}
