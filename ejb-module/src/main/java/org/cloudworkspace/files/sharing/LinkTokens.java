package org.cloudworkspace.files.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Public link tokens: 192 random bits, URL-safe base64 without padding (32 characters); stored as SHA-256 only. */
final class LinkTokens {

  static final int TOKEN_BYTES = 24;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{32}");

  private LinkTokens() {}

  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a string could be a token at all; anything else is not looked up. */
  static boolean wellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }
}
