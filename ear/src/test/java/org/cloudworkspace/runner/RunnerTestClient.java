package org.cloudworkspace.runner;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cloudworkspace.it.TestServers;

/**
 * A test-local client for the runner that signs requests as docs/runner-protocol.md describes, written independently of
 * the app's signer, and that can sign one thing and send another to test the refusals.
 */
final class RunnerTestClient {

  static final byte[] NO_BODY = new byte[0];

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Jsonb JSONB = JsonbBuilder.create();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** The secret the launcher generated for the servers under test. */
  static String runnerSecret() {
    return TestServers.secret("RUNNER_SHARED_SECRET");
  }

  /** A signed request: what is signed can differ from what is sent. */
  record Signing(String secret, String method, String target, long timestamp, String nonce, byte[] body) {

    /** A correct signature, made now, for exactly this request. */
    static Signing of(String method, String target, byte[] body) {
      return new Signing(runnerSecret(), method, target, Instant.now().getEpochSecond(), newNonce(), body);
    }

    Signing withSecret(String otherSecret) {
      return new Signing(otherSecret, method, target, timestamp, nonce, body);
    }

    Signing withTimestamp(long otherTimestamp) {
      return new Signing(secret, method, target, otherTimestamp, nonce, body);
    }

    Signing withTarget(String otherTarget) {
      return new Signing(secret, method, otherTarget, timestamp, nonce, body);
    }

    Signing withBody(byte[] otherBody) {
      return new Signing(secret, method, target, timestamp, nonce, otherBody);
    }

    Signing withNonce(String otherNonce) {
      return new Signing(secret, method, target, timestamp, otherNonce, body);
    }

    /** The three headers, in the order given to {@link HttpRequest.Builder#headers}. */
    String[] headers() {
      String canonical = method + "\n" + target + "\n" + timestamp + "\n" + nonce + "\n" + hex(sha256(body));
      return new String[] {
        "X-Runner-Timestamp", Long.toString(timestamp),
        "X-Runner-Nonce", nonce,
        "X-Runner-Signature", hex(hmacSha256(secret, canonical))
      };
    }
  }

  /** Sends the request described by {@code signing}, signed as it says. */
  HttpResponse<String> send(Signing signing) {
    return send(signing.method(), signing.target(), signing.body(), signing.headers());
  }

  /** Sends a request with exactly the given headers (none, or signature headers for another request). */
  HttpResponse<String> send(String method, String target, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(TestServers.runnerUrl().resolve(target))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (body.length > 0) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return get(request.build());
  }

  /** A plain unsigned GET, for Liberty's health endpoints. */
  HttpResponse<String> getUnsigned(URI uri) {
    return get(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
  }

  static <T> T fromJson(String json, Class<T> type) {
    return JSONB.fromJson(json, type);
  }

  static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private HttpResponse<String> get(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmacSha256(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Test-local copy of the runner's ping answer. */
  public record PingAnswer(String status, String service, String version) {}

  /** Test-local copy of a problem-details body. */
  public record Problem(String type, String title, int status, String detail) {}

  /** Test-local copy of a MicroProfile Health answer. */
  public record Health(String status, List<Check> checks) {}

  /** One check of a MicroProfile Health answer. */
  public record Check(String name, String status, Map<String, Object> data) {}
}
