package org.cloudworkspace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature of docs/integrations/inventorypro.md, checked against vectors computed with openssl. */
class RequestSignatureTest {

  private static final String SECRET = "test-vector-secret-0123456789abcdefghijklmnop";
  private static final long TIMESTAMP = 1767225600L;
  private static final String BODY =
      "{\"ticket\":\"ST-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\",\"service\":\"https://inventory.example.org\"}";
  private static final String BODY_SHA256 = "383fceea0cc284289f7fc191ca595adb3a63a48505aae1d9d4f9c102f3d201d6";
  private static final String REDEEM_PATH = "/api/integrations/inventorypro/tickets/validate";
  private static final String REDEEM_SIGNATURE = "7d905a0bf3509002831aa81aabdfb867fc364a39b874abb47bbbd4c2316f040f";

  private final RequestSignature signature = new RequestSignature(SECRET.getBytes(StandardCharsets.UTF_8));

  @Test
  void canonicalStringIsFourLinesWithoutTrailingNewline() {
    assertThat(RequestSignature.canonicalString("POST", "/a?b=c", 42, "hash")).isEqualTo("POST\n/a?b=c\n42\nhash");
  }

  @Test
  void bodyHashOfTheVectorAndOfNoBody() {
    assertThat(RequestSignature.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY_SHA256);
    assertThat(RequestSignature.sha256Hex(new byte[0])).isEqualTo(RequestSignature.EMPTY_BODY_SHA256);
    assertThat(RequestSignature.sha256Hex(null)).isEqualTo(RequestSignature.EMPTY_BODY_SHA256);
  }

  @Test
  void redemptionVectorMatchesOpenssl() {
    // printf 'POST\n/api/integrations/inventorypro/tickets/validate\n1767225600\n383f…01d6' | openssl dgst -sha256 -hmac …
    assertThat(signature.sign("POST", REDEEM_PATH, TIMESTAMP, BODY_SHA256)).isEqualTo(REDEEM_SIGNATURE);
  }

  @Test
  void apiVectorWithQueryMatchesOpenssl() {
    assertThat(signature.sign("GET", "/api/items?q=drill%20bit", TIMESTAMP, RequestSignature.EMPTY_BODY_SHA256))
        .isEqualTo("3aa3503d471467e0ba475e616f673c677b3b7709bd41ed2df59a80bb65d2f1b6");
  }

  @Test
  void verifyAcceptsTheVectorWithinSixtySecondsEitherWay() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    for (long now : new long[] {TIMESTAMP, TIMESTAMP + 60, TIMESTAMP - 60}) {
      assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE, body, now)).isTrue();
    }
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE.toUpperCase(), body, TIMESTAMP))
        .as("hex case does not matter")
        .isTrue();
  }

  @Test
  void verifyRefusesStaleTamperedAndMalformedRequests() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE, body, TIMESTAMP + 61)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE, body, TIMESTAMP - 61)).isFalse();
    byte[] tamperedBody = BODY.replace("example", "exampla").getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE, tamperedBody, TIMESTAMP))
        .isFalse();
    assertThat(signature.verify("PUT", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE, body, TIMESTAMP)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH + "x", "1767225600", REDEEM_SIGNATURE, body, TIMESTAMP)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225601", REDEEM_SIGNATURE, body, TIMESTAMP)).isFalse();
    String flipped = (REDEEM_SIGNATURE.charAt(0) == '7' ? "8" : "7") + REDEEM_SIGNATURE.substring(1);
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", flipped, body, TIMESTAMP)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH, null, REDEEM_SIGNATURE, body, TIMESTAMP)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", null, body, TIMESTAMP)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH, "-1767225600", REDEEM_SIGNATURE, body, TIMESTAMP)).isFalse();
    assertThat(signature.verify("POST", REDEEM_PATH, "1767225600", "abc", body, TIMESTAMP)).isFalse();
    RequestSignature otherSecret = new RequestSignature((SECRET + "x").getBytes(StandardCharsets.UTF_8));
    assertThat(otherSecret.verify("POST", REDEEM_PATH, "1767225600", REDEEM_SIGNATURE, body, TIMESTAMP)).isFalse();
  }

  @Test
  void constantTimeEqualsComparesWholeValues() {
    assertThat(RequestSignature.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(RequestSignature.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(RequestSignature.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(RequestSignature.constantTimeEquals("", "")).isTrue();
    assertThat(RequestSignature.constantTimeEquals(null, "a")).isFalse();
    assertThat(RequestSignature.constantTimeEquals("a", null)).isFalse();
  }

  @Test
  void constantTimeEqualsTakesAboutAsLongWhetherTheFirstOrTheLastCharacterDiffers() {
    String expected = "a".repeat(4096);
    String firstDiffers = "b" + "a".repeat(4095);
    String lastDiffers = "a".repeat(4095) + "b";
    for (int i = 0; i < 2000; i++) { // warm up
      RequestSignature.constantTimeEquals(expected, firstDiffers);
      RequestSignature.constantTimeEquals(expected, lastDiffers);
    }
    long first = Long.MAX_VALUE;
    long last = Long.MAX_VALUE;
    for (int round = 0; round < 50; round++) {
      first = Math.min(first, time(expected, firstDiffers));
      last = Math.min(last, time(expected, lastDiffers));
    }
    // An early-exit comparison would be hundreds of times faster on the first; allow generous noise.
    assertThat((double) first).isGreaterThan(last / 5.0);
  }

  private static long time(String a, String b) {
    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      RequestSignature.constantTimeEquals(a, b);
    }
    return System.nanoTime() - start;
  }
}
