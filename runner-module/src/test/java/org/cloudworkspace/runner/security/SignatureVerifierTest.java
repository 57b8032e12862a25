package org.cloudworkspace.runner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_GET_SIGNATURE;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_NONCE;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_POST_BODY;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_POST_SIGNATURE;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_POST_TARGET;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_SECRET;
import static org.cloudworkspace.runner.security.RequestSignatureTest.VECTOR_TIMESTAMP;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureVerifierTest {

  private static final byte[] NO_BODY = new byte[0];

  private final TestClock clock = new TestClock(Instant.ofEpochSecond(VECTOR_TIMESTAMP));
  private final SignatureVerifier verifier =
      new SignatureVerifier(VECTOR_SECRET, clock, new NonceCache(100, Duration.ofSeconds(120)));

  @Test
  void acceptsTheGetVector() {
    assertThat(verifier.verify("GET", "/api/v1/ping", ts(VECTOR_TIMESTAMP), VECTOR_NONCE, VECTOR_GET_SIGNATURE, NO_BODY))
        .isEmpty();
  }

  @Test
  void acceptsThePostVector() {
    assertThat(verify("POST", VECTOR_POST_TARGET, VECTOR_POST_BODY, VECTOR_POST_SIGNATURE)).isEmpty();
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    String signature =
        sign("another-secret-that-is-long-enough-0123456789", "GET", "/api/v1/ping", VECTOR_TIMESTAMP, NO_BODY);

    assertThat(verify("GET", "/api/v1/ping", NO_BODY, signature)).contains(Refusal.BAD_SIGNATURE);
  }

  @Test
  void refusesATamperedBody() {
    byte[] tampered = "{\"hello\":\"Runner\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(verify("POST", VECTOR_POST_TARGET, tampered, VECTOR_POST_SIGNATURE)).contains(Refusal.BAD_SIGNATURE);
  }

  @Test
  void refusesATamperedPathOrQueryOrMethod() {
    assertThat(verify("POST", "/api/v1/ping?check=a%20b&n=2", VECTOR_POST_BODY, VECTOR_POST_SIGNATURE))
        .contains(Refusal.BAD_SIGNATURE);
    assertThat(verify("POST", "/api/v1/ping?check=a b&n=1", VECTOR_POST_BODY, VECTOR_POST_SIGNATURE))
        .contains(Refusal.BAD_SIGNATURE);
    assertThat(verify("POST", "/api/v2/ping?check=a%20b&n=1", VECTOR_POST_BODY, VECTOR_POST_SIGNATURE))
        .contains(Refusal.BAD_SIGNATURE);
    assertThat(verify("PUT", VECTOR_POST_TARGET, VECTOR_POST_BODY, VECTOR_POST_SIGNATURE))
        .contains(Refusal.BAD_SIGNATURE);
  }

  @Test
  void refusesASignatureForAnotherTimestampOrNonce() {
    assertThat(verifier.verify("GET", "/api/v1/ping", ts(VECTOR_TIMESTAMP + 1), VECTOR_NONCE, VECTOR_GET_SIGNATURE,
            NO_BODY))
        .contains(Refusal.BAD_SIGNATURE);
    assertThat(verifier.verify("GET", "/api/v1/ping", ts(VECTOR_TIMESTAMP), "BAECAwQFBgcICQoLDA0ODw",
            VECTOR_GET_SIGNATURE, NO_BODY))
        .contains(Refusal.BAD_SIGNATURE);
  }

  @Test
  void refusesATimestampOlderThanTheWindow() {
    clock.advance(Duration.ofSeconds(61));

    assertThat(verify("GET", "/api/v1/ping", NO_BODY, VECTOR_GET_SIGNATURE)).contains(Refusal.STALE_TIMESTAMP);
  }

  @Test
  void acceptsATimestampAtTheEdgesOfTheWindow() {
    clock.advance(Duration.ofSeconds(60));
    assertThat(verify("GET", "/api/v1/ping", NO_BODY, VECTOR_GET_SIGNATURE)).isEmpty();

    long future = VECTOR_TIMESTAMP + 120;
    String nonce = "ZZECAwQFBgcICQoLDA0ODw";
    String signature = sign(VECTOR_SECRET, "GET", "/api/v1/ping", future, nonce, NO_BODY);
    assertThat(verifier.verify("GET", "/api/v1/ping", ts(future), nonce, signature, NO_BODY)).isEmpty();
  }

  @Test
  void refusesATimestampFurtherInTheFutureThanTheWindow() {
    clock.advance(Duration.ofSeconds(-61));

    assertThat(verify("GET", "/api/v1/ping", NO_BODY, VECTOR_GET_SIGNATURE)).contains(Refusal.FUTURE_TIMESTAMP);
  }

  @Test
  void refusesTheSameNonceTwice() {
    assertThat(verify("GET", "/api/v1/ping", NO_BODY, VECTOR_GET_SIGNATURE)).isEmpty();
    clock.advance(Duration.ofSeconds(30));

    assertThat(verify("GET", "/api/v1/ping", NO_BODY, VECTOR_GET_SIGNATURE)).contains(Refusal.REPLAYED_NONCE);
  }

  @Test
  void doesNotRecordTheNonceOfARequestWithABadSignature() {
    String forged = "0".repeat(64);
    assertThat(verify("GET", "/api/v1/ping", NO_BODY, forged)).contains(Refusal.BAD_SIGNATURE);

    assertThat(verify("GET", "/api/v1/ping", NO_BODY, VECTOR_GET_SIGNATURE)).isEmpty();
  }

  @Test
  void refusesMissingHeaders() {
    String ts = ts(VECTOR_TIMESTAMP);
    assertThat(verifier.verify("GET", "/api/v1/ping", null, VECTOR_NONCE, VECTOR_GET_SIGNATURE, NO_BODY))
        .contains(Refusal.MISSING_HEADER);
    assertThat(verifier.verify("GET", "/api/v1/ping", ts, null, VECTOR_GET_SIGNATURE, NO_BODY))
        .contains(Refusal.MISSING_HEADER);
    assertThat(verifier.verify("GET", "/api/v1/ping", ts, VECTOR_NONCE, null, NO_BODY))
        .contains(Refusal.MISSING_HEADER);
  }

  @ParameterizedTest(name = "timestamp={0} nonce={1} signature={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''               | AAECAwQFBgcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "-1767225600      | AAECAwQFBgcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "1767225600.0     | AAECAwQFBgcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "99999999999999999999 | AAECAwQFBgcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "' 1767225600'    | AAECAwQFBgcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "1767225600       | AAECAwQFBgcICQoLDA0O   | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "1767225600       | AAECAwQFBgcICQoLDA0ODw== | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "1767225600       | AAECAwQF+gcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "1767225600       | AAECAwQFBgcICQoLDA0ODwAAECAwQFBgcICQoLDA0ODwAAECAwQFBgcICQoLDA0ODwX | "
            + "0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479",
        "1767225600       | AAECAwQFBgcICQoLDA0ODw | 0DB55AE6936B033834240DBC8E45414A3DD000AF5883B20E8540439FED7C3479",
        "1767225600       | AAECAwQFBgcICQoLDA0ODw | 0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c347",
        "1767225600       | AAECAwQFBgcICQoLDA0ODw | ''",
      })
  void refusesMalformedHeaders(String timestamp, String nonce, String signature) {
    assertThat(verifier.verify("GET", "/api/v1/ping", timestamp, nonce, signature, NO_BODY))
        .contains(Refusal.MALFORMED_HEADER);
  }

  @Test
  void checksHeadersWithoutTheBody() {
    assertThat(verifier.checkHeaders(ts(VECTOR_TIMESTAMP), VECTOR_NONCE, VECTOR_GET_SIGNATURE)).isEmpty();
    assertThat(verifier.checkHeaders(ts(VECTOR_TIMESTAMP - 120), VECTOR_NONCE, VECTOR_GET_SIGNATURE))
        .contains(Refusal.STALE_TIMESTAMP);
  }

  @Test
  void refusesWithServiceUnavailableWhenTheNonceCacheIsFull() {
    SignatureVerifier tiny = new SignatureVerifier(VECTOR_SECRET, clock, new NonceCache(1, Duration.ofSeconds(120)));
    assertThat(tiny.verify("GET", "/api/v1/ping", ts(VECTOR_TIMESTAMP), VECTOR_NONCE, VECTOR_GET_SIGNATURE, NO_BODY))
        .isEmpty();

    String nonce = "BBECAwQFBgcICQoLDA0ODw";
    String signature = sign(VECTOR_SECRET, "GET", "/api/v1/ping", VECTOR_TIMESTAMP, nonce, NO_BODY);
    Optional<Refusal> refusal =
        tiny.verify("GET", "/api/v1/ping", ts(VECTOR_TIMESTAMP), nonce, signature, NO_BODY);

    assertThat(refusal).contains(Refusal.NONCE_CACHE_FULL);
    assertThat(refusal.get().status()).isEqualTo(503);
  }

  @Test
  void keepsItsOwnCopyOfTheSecret() {
    byte[] secret = VECTOR_SECRET.clone();
    SignatureVerifier copy = new SignatureVerifier(secret, clock, new NonceCache(10, Duration.ofSeconds(120)));
    secret[0] = 'X';

    assertThat(copy.verify("GET", "/api/v1/ping", ts(VECTOR_TIMESTAMP), VECTOR_NONCE, VECTOR_GET_SIGNATURE, NO_BODY))
        .isEmpty();
  }

  private Optional<Refusal> verify(String method, String target, byte[] body, String signature) {
    return verifier.verify(method, target, ts(VECTOR_TIMESTAMP), VECTOR_NONCE, signature, body);
  }

  private static String sign(String secret, String method, String target, long timestamp, byte[] body) {
    return sign(secret.getBytes(StandardCharsets.UTF_8), method, target, timestamp, VECTOR_NONCE, body);
  }

  private static String sign(byte[] secret, String method, String target, long timestamp, String nonce, byte[] body) {
    return RequestSignature.hmacSha256Hex(
        secret,
        RequestSignature.canonicalString(method, target, timestamp, nonce, RequestSignature.sha256Hex(body)));
  }

  private static String ts(long seconds) {
    return Long.toString(seconds);
  }
}
