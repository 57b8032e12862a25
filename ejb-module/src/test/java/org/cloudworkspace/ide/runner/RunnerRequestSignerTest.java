package org.cloudworkspace.ide.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cloudworkspace.ide.runner.RunnerRequestSigner.SignatureHeaders;
import org.junit.jupiter.api.Test;

class RunnerRequestSignerTest {

  // The same vectors are in the runner's RequestSignatureTest and in docs/runner-protocol.md; they were computed with
  // openssl, independently of both implementations, so a drift between signer and verifier fails the build.
  private static final String VECTOR_SECRET = "test-vector-secret-0123456789abcdefghijklmnop";
  private static final long VECTOR_TIMESTAMP = 1767225600L;
  private static final String VECTOR_NONCE = "AAECAwQFBgcICQoLDA0ODw";
  private static final String VECTOR_GET_SIGNATURE =
      "0db55ae6936b033834240dbc8e45414a3dd000af5883b20e8540439fed7c3479";
  private static final String VECTOR_POST_TARGET = "/api/v1/ping?check=a%20b&n=1";
  private static final byte[] VECTOR_POST_BODY = "{\"hello\":\"runner\"}".getBytes(StandardCharsets.UTF_8);
  private static final String VECTOR_POST_SIGNATURE =
      "6a31737f652a71b0b99f8e2662aa5a7cccf15d83596667ac1c17c8e98d4d82b8";

  private final Clock clock = Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC);
  private final RunnerRequestSigner signer = new RunnerRequestSigner(VECTOR_SECRET, clock);

  @Test
  void signsTheGetVector() {
    assertThat(signer.signature("GET", "/api/v1/ping", VECTOR_TIMESTAMP, VECTOR_NONCE, new byte[0]))
        .isEqualTo(VECTOR_GET_SIGNATURE);
  }

  @Test
  void signsThePostVectorWithBodyAndEncodedQuery() {
    assertThat(signer.signature("POST", VECTOR_POST_TARGET, VECTOR_TIMESTAMP, VECTOR_NONCE, VECTOR_POST_BODY))
        .isEqualTo(VECTOR_POST_SIGNATURE);
  }

  @Test
  void canonicalStringJoinsTheFiveFieldsWithNewlines() {
    assertThat(RunnerRequestSigner.canonicalString("GET", "/a?b=%2F", 5L, "n", "h")).isEqualTo("GET\n/a?b=%2F\n5\nn\nh");
    assertThat(RunnerRequestSigner.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void takesTheRequestTargetAsSentEncodedAndWithItsQuery() {
    assertThat(RunnerRequestSigner.pathAndQuery(URI.create("http://runner:9081/api/v1/ping")))
        .isEqualTo("/api/v1/ping");
    assertThat(RunnerRequestSigner.pathAndQuery(URI.create("http://runner:9081/api/v1/a%20b?check=a%20b&n=1")))
        .isEqualTo("/api/v1/a%20b?check=a%20b&n=1");
    assertThat(RunnerRequestSigner.pathAndQuery(URI.create("http://runner:9081"))).isEqualTo("/");
    assertThat(RunnerRequestSigner.pathAndQuery(URI.create("http://runner:9081?x=1"))).isEqualTo("/?x=1");
  }

  @Test
  void signsARequestNowWithAFreshNonce() {
    URI uri = URI.create("http://runner:9081" + VECTOR_POST_TARGET);

    SignatureHeaders first = signer.sign("POST", uri, VECTOR_POST_BODY);
    SignatureHeaders second = signer.sign("POST", uri, VECTOR_POST_BODY);

    assertThat(first.timestamp()).isEqualTo("1767225600");
    assertThat(first.nonce()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second.nonce());
    assertThat(first.signature())
        .isEqualTo(signer.signature("POST", VECTOR_POST_TARGET, VECTOR_TIMESTAMP, first.nonce(), VECTOR_POST_BODY));
    assertThat(first.asHeaderArray())
        .containsExactly(
            "X-Runner-Timestamp", first.timestamp(),
            "X-Runner-Nonce", first.nonce(),
            "X-Runner-Signature", first.signature());
  }

  @Test
  void dependsOnTheSecret() {
    RunnerRequestSigner other = new RunnerRequestSigner(VECTOR_SECRET + "x", clock);

    assertThat(other.signature("GET", "/api/v1/ping", VECTOR_TIMESTAMP, VECTOR_NONCE, new byte[0]))
        .isNotEqualTo(VECTOR_GET_SIGNATURE);
  }
}
