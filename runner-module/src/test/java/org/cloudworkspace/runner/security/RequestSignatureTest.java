package org.cloudworkspace.runner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

  // The same vectors are in the app's RunnerRequestSignerTest and in docs/runner-protocol.md; they were computed with
  // openssl, independently of both implementations, so a drift between signer and verifier fails the build.
  static final byte[] VECTOR_SECRET =
      "test-vector-secret-0123456789abcdefghijklmnop".getBytes(StandardCharsets.UTF_8);
  static final long VECTOR_TIMESTAMP = 1767225600L;
  static final String VECTOR_NONCE = "AAECAwQFBgcICQoLDA0ODw";
  static final String VECTOR_GET_SIGNATURE = "0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479";
  static final String VECTOR_POST_TARGET = "/api/v1/ping?check=a%20b&n=1";
  static final byte[] VECTOR_POST_BODY = "{\"hello\":\"runner\"}".getBytes(StandardCharsets.UTF_8);
  static final String VECTOR_POST_SIGNATURE = "6a31737f652a71b0b99f8e2662aa5a7cccf15d83596667ac1c17c8e98d4d82b8";

  @Test
  void canonicalStringJoinsTheFiveFieldsWithNewlines() {
    assertThat(RequestSignature.canonicalString("POST", "/api/v1/x?a=%2F", 1767225600L, "nonce", "abc"))
        .isEqualTo("POST\n/api/v1/x?a=%2F\n1767225600\nnonce\nabc");
  }

  @Test
  void bodyHashOfNoBodyIsTheHashOfTheEmptyString() {
    assertThat(RequestSignature.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void signsTheGetVector() {
    String canonical =
        RequestSignature.canonicalString(
            "GET", "/api/v1/ping", VECTOR_TIMESTAMP, VECTOR_NONCE, RequestSignature.sha256Hex(new byte[0]));

    assertThat(RequestSignature.hmacSha256Hex(VECTOR_SECRET, canonical)).isEqualTo(VECTOR_GET_SIGNATURE);
  }

  @Test
  void signsThePostVectorWithBodyAndEncodedQuery() {
    assertThat(RequestSignature.sha256Hex(VECTOR_POST_BODY))
        .isEqualTo("d32fecc38b63e94766cf9de675d123cd196937db6d077fb4e33ed605a914d9c0");
    String canonical =
        RequestSignature.canonicalString(
            "POST", VECTOR_POST_TARGET, VECTOR_TIMESTAMP, VECTOR_NONCE, RequestSignature.sha256Hex(VECTOR_POST_BODY));

    assertThat(RequestSignature.hmacSha256Hex(VECTOR_SECRET, canonical)).isEqualTo(VECTOR_POST_SIGNATURE);
  }
}
