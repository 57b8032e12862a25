package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

  private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B, SHA-1 column (8 digits). */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void matchesTheRfc6238TestVectors(long unixTime, String expected) {
    assertThat(Totp.code(SHA1_KEY, unixTime / 30, 8, "HmacSHA1")).isEqualTo(expected);
  }

  @Test
  void matchesTheRfc6238Sha256AndSha512Vectors() {
    byte[] key256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    byte[] key512 =
        "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);
    assertThat(Totp.code(key256, 59 / 30, 8, "HmacSHA256")).isEqualTo("46119246");
    assertThat(Totp.code(key512, 59 / 30, 8, "HmacSHA512")).isEqualTo("90693936");
    assertThat(Totp.code(key256, 1111111109L / 30, 8, "HmacSHA256")).isEqualTo("68084774");
  }

  @Test
  void base32RoundTripsAndMatchesTheRfc4648Example() {
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Totp.fromBase32("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    String secret = Totp.newSecret();
    assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
  }

  @Test
  void acceptsOneStepOfDriftAndNeverAStepUsedBefore() {
    String secret = Totp.base32(SHA1_KEY);
    Instant now = Instant.ofEpochSecond(1111111111L);
    long step = Totp.stepAt(now);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, -1)).hasValue(step);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, -1)).hasValue(step - 1);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, -1)).hasValue(step + 1);
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now, -1)).isEmpty();
    assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, step)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345", now, -1)).isEmpty();
    assertThat(Totp.matchingStep(secret, null, now, -1)).isEmpty();
  }

  @Test
  void otpauthUriNamesIssuerAndAccount() {
    assertThat(Totp.otpauthUri("Cloud Workspace", "alice", "ABC"))
        .isEqualTo(
            "otpauth://totp/Cloud%20Workspace:alice?secret=ABC&issuer=Cloud%20Workspace&algorithm=SHA1&digits=6"
                + "&period=30");
  }

  @Test
  void qrCodeIsAnSvgDataUri() {
    String uri = QrCodes.svgDataUri("otpauth://totp/x?secret=ABC");
    assertThat(uri).startsWith("data:image/svg+xml;base64,");
    String svg = new String(java.util.Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg").contains("<path d=\"M");
  }
}
