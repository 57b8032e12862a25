package org.cloudworkspace.ide.runner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Talks to the runner server over HTTP, every request signed with {@code RUNNER_SHARED_SECRET}. Configured through
 * MicroProfile Config: {@code RUNNER_URL} (default {@value #DEFAULT_URL}) and {@code RUNNER_SHARED_SECRET}. Calls are
 * bounded by a 2 s connect timeout and a 5 s overall timeout, and report failures as values instead of throwing.
 */
@ApplicationScoped
public class RunnerClient {

  /** Where the runner listens when {@code RUNNER_URL} is not set. */
  public static final String DEFAULT_URL = "http://127.0.0.1:9081";

  /** The shortest shared secret the runner accepts, in bytes of its UTF-8 encoding. */
  public static final int MIN_SECRET_BYTES = 32;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  static final String PING_PATH = "/api/v1/ping";
  static final String ENGINE_PATH = "/api/v1/engine";

  private String runnerUrl;
  private Optional<String> configProblem;
  private URI baseUri;
  private RunnerRequestSigner signer;
  private Duration requestTimeout;
  private HttpClient http;

  /** For the CDI container's proxy only. */
  protected RunnerClient() {}

  /** A client configured from MicroProfile Config. */
  @Inject
  public RunnerClient(
      @ConfigProperty(name = "RUNNER_URL", defaultValue = DEFAULT_URL) String runnerUrl,
      @ConfigProperty(name = "RUNNER_SHARED_SECRET") Optional<String> sharedSecret) {
    this(runnerUrl, sharedSecret, Clock.systemUTC(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
  }

  RunnerClient(
      String runnerUrl,
      Optional<String> sharedSecret,
      Clock clock,
      Duration connectTimeout,
      Duration requestTimeout) {
    this.runnerUrl = runnerUrl;
    this.requestTimeout = requestTimeout;
    this.baseUri = parseBaseUri(runnerUrl).orElse(null);
    this.configProblem =
        baseUri == null
            ? Optional.of("RUNNER_URL is not an http:// or https:// address with a host: " + runnerUrl)
            : secretProblem(sharedSecret);
    this.signer = configProblem.isEmpty() ? new RunnerRequestSigner(sharedSecret.orElseThrow(), clock) : null;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The configured runner address, as configured. */
  public String runnerUrl() {
    return runnerUrl;
  }

  /** Sends a signed {@code GET /api/v1/ping}; never throws, and returns within the timeouts. */
  public RunnerPing ping() {
    if (configProblem.isPresent()) {
      return RunnerPing.failed(configProblem.get());
    }
    try {
      HttpResponse<String> response = send("GET", PING_PATH);
      return interpretPing(response);
    } catch (RunnerUnreachable e) {
      return RunnerPing.failed(e.getMessage());
    } catch (RuntimeException e) {
      return RunnerPing.failed("The ping to the runner failed: " + e);
    }
  }

  /** Asks the runner whether it reaches its Docker engine. Never throws: failures become an unreachable report. */
  public EngineReport engine() {
    if (configProblem.isPresent()) {
      return EngineReport.unknown(configProblem.get());
    }
    try {
      HttpResponse<String> response = send("GET", ENGINE_PATH);
      if (response.statusCode() != 200) {
        return EngineReport.unknown("The runner answered the engine check with HTTP " + response.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        JsonObject answer = reader.readObject();
        return new EngineReport(
            answer.getBoolean("reachable", false),
            true,
            answer.getString("host", null),
            answer.getString("version", null),
            answer.getString("apiVersion", null),
            answer.getString("error", null));
      }
    } catch (RunnerUnreachable e) {
      return EngineReport.unknown(e.getMessage());
    } catch (JsonException | ClassCastException e) {
      return EngineReport.unknown("The runner's engine report could not be read");
    } catch (RuntimeException e) {
      return EngineReport.unknown("The engine check through the runner failed: " + e);
    }
  }

  /**
   * Sends one signed request with a body (may be empty) and returns the answer with its body as bytes, whatever its
   * status. Throws {@link org.cloudworkspace.ide.RunnerUnavailableException} when the runner is not configured, cannot
   * be reached or does not answer within {@code timeout}.
   */
  public HttpResponse<byte[]> exchange(
      String method, String pathAndQuery, byte[] body, Map<String, String> headers, Duration timeout) {
    if (configProblem.isPresent()) {
      throw new org.cloudworkspace.ide.RunnerUnavailableException(configProblem.get());
    }
    URI uri = baseUri.resolve(basePath() + pathAndQuery);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json, */*")
            .headers(signer.sign(method, uri, body).asHeaderArray())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new org.cloudworkspace.ide.RunnerUnavailableException(
          "The runner at " + runnerUrl + " did not answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new org.cloudworkspace.ide.RunnerUnavailableException("Interrupted while waiting for the runner");
    } catch (ExecutionException e) {
      throw new org.cloudworkspace.ide.RunnerUnavailableException(describe(e.getCause()));
    }
  }

  /**
   * The WebSocket address of a runner path and the signature headers of its upgrade request ({@code GET}, no body),
   * signed now; empty when the runner is not configured.
   */
  public Optional<SignedUpgrade> signUpgrade(String path) {
    if (configProblem.isPresent()) {
      return Optional.empty();
    }
    URI uri = baseUri.resolve(basePath() + path);
    String scheme = "https".equalsIgnoreCase(uri.getScheme()) ? "wss" : "ws";
    URI ws = URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
    return Optional.of(new SignedUpgrade(ws, signer.sign("GET", uri, new byte[0]).asHeaderArray()));
  }

  /** A WebSocket address and the headers of its signed upgrade request (name, value, name, value...). */
  public record SignedUpgrade(URI uri, String[] headers) {}

  private HttpResponse<String> send(String method, String path) throws RunnerUnreachable {
    URI uri = baseUri.resolve(basePath() + path);
    byte[] body = new byte[0];
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .headers(signer.sign(method, uri, body).asHeaderArray())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    CompletableFuture<HttpResponse<String>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      // The request timeout covers only the wait for the response headers; this bounds the whole exchange.
      return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new RunnerUnreachable(noAnswer());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new RunnerUnreachable("Interrupted while waiting for the runner at " + runnerUrl);
    } catch (ExecutionException e) {
      throw new RunnerUnreachable(describe(e.getCause()));
    }
  }

  private RunnerPing interpretPing(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401) {
      return RunnerPing.failed(
          "The runner refused the request signature (HTTP 401): the app and the runner need the same"
              + " RUNNER_SHARED_SECRET and clocks that agree within 60 s");
    }
    if (status == 503) {
      return RunnerPing.failed("The runner is not ready (HTTP 503); its log says why");
    }
    if (status != 200) {
      return RunnerPing.failed("The runner answered the ping with HTTP " + status);
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonObject answer = reader.readObject();
      if ("ok".equals(answer.getString("status", null)) && "runner".equals(answer.getString("service", null))) {
        return RunnerPing.answered(answer.getString("version", "unknown"));
      }
    } catch (JsonException | ClassCastException e) {
      // Falls through to the answer below: whatever answered is not a runner.
    }
    return RunnerPing.failed("The service at " + runnerUrl + " answered the ping, but not as a runner does");
  }

  private String describe(Throwable failure) {
    if (failure instanceof HttpTimeoutException) {
      return noAnswer();
    }
    String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    if (failure instanceof ConnectException) {
      return "Cannot connect to the runner at " + runnerUrl + " (" + detail + ")";
    }
    return "Cannot reach the runner at " + runnerUrl + " (" + detail + ")";
  }

  private String noAnswer() {
    return "The runner at " + runnerUrl + " did not answer within " + requestTimeout.toMillis() + " ms";
  }

  private String basePath() {
    String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Optional<URI> parseBaseUri(String url) {
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean usable =
          (scheme.equals("http") || scheme.equals("https"))
              && uri.getHost() != null
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      return usable ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> secretProblem(Optional<String> secret) {
    if (secret.isEmpty() || secret.get().isEmpty()) {
      return Optional.of("RUNNER_SHARED_SECRET is not set");
    }
    int length = secret.get().getBytes(StandardCharsets.UTF_8).length;
    if (length < MIN_SECRET_BYTES) {
      return Optional.of(
          "RUNNER_SHARED_SECRET is " + length + " bytes long; the runner needs at least " + MIN_SECRET_BYTES);
    }
    return Optional.empty();
  }

  /** Why a request did not get an answer from the runner; the message is meant for an administrator. */
  private static final class RunnerUnreachable extends Exception {
    private static final long serialVersionUID = 1L;

    RunnerUnreachable(String message) {
      super(message, null, false, false);
    }
  }
}
