package org.cloudworkspace.it;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A client of the workspace API as a browser would use it: JSON bodies, a bearer token, and the refresh cookie. Each
 * client comes from its own address (sent as X-Forwarded-For; the test servers trust the loopback proxy), so that the
 * per-address sign-in throttle of one test never affects another.
 */
public final class ApiClient {

  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI base;
  private final String address;
  private String accessToken;
  private String refreshCookie;

  public ApiClient() {
    this(TestServers.appUrl());
  }

  public ApiClient(URI base) {
    this.base = base;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.address = "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public record Reply(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public List<String> headers(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      return JSONB.fromJson(body, Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> jsonList() {
      return JSONB.fromJson(body, List.class);
    }

    /** The {@code items} of a paged answer ({@code {"items":[…],"total":N}}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) json().get("items");
    }

    public String string(String field) {
      Object value = json().get(field);
      return value == null ? null : value.toString();
    }
  }

  public String address() {
    return address;
  }

  public String accessToken() {
    return accessToken;
  }

  public void accessToken(String token) {
    this.accessToken = token;
  }

  public String refreshCookie() {
    return refreshCookie;
  }

  public void refreshCookie(String value) {
    this.refreshCookie = value;
  }

  /** Signs in and keeps the tokens; fails the test unless the answer is 200. */
  public ApiClient signIn(String username, String password) {
    Reply reply = login(username, password);
    if (reply.status() != 200) {
      throw new AssertionError("Sign-in of " + username + " failed: " + reply.status() + " " + reply.body());
    }
    return this;
  }

  public Reply login(String username, String password) {
    return post("/api/auth/login", Map.of("username", username, "password", password));
  }

  public Reply refresh() {
    return post("/api/auth/refresh", null);
  }

  public Reply logout() {
    return post("/api/auth/logout", null);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSONB.toJson(body));
    HttpRequest.Builder builder = request(path).POST(publisher);
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  public Reply postRaw(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply method(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", address);
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    if (refreshCookie != null) {
      builder.header("Cookie", "cw_refresh=" + refreshCookie);
    }
    return builder;
  }

  public Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
      remember(reply);
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void remember(Reply reply) {
    for (String cookie : reply.headers("Set-Cookie")) {
      if (cookie.startsWith("cw_refresh=")) {
        String value = cookie.substring("cw_refresh=".length(), cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
        refreshCookie = value.isEmpty() ? null : value;
      }
    }
    if (reply.status() == 200 && reply.body() != null && reply.body().contains("\"accessToken\"")) {
      accessToken = reply.string("accessToken");
    }
  }

  /** A response whose body is kept as bytes, for file content. */
  public record BinaryReply(int status, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public List<String> headers(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }
  }

  /**
   * A request over HTTP/1.1, as browsers speak to a server without TLS. (Over an h2c upgrade, Liberty 26.0.0.3 never
   * ends the stream of a JAX-RS answer without a body, such as 204 or 304, and the client would wait forever.)
   */
  public HttpRequest.Builder http11(String path) {
    return request(path).version(HttpClient.Version.HTTP_1_1);
  }

  /** PUT without a body, e.g. to set a flag. */
  public Reply putEmpty(String path) {
    return send(http11(path).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  /** PUT with a JSON body. */
  public Reply put(String path, Object body) {
    return send(
        http11(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSONB.toJson(body))));
  }

  /** PUT with a body given as text (e.g. JSON with explicit nulls). */
  public Reply putRaw(String path, String contentType, String body) {
    return send(http11(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** PATCH with a JSON body. */
  public Reply patch(String path, Object body) {
    return send(
        http11(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(JSONB.toJson(body))));
  }

  public Reply delete(String path) {
    return send(http11(path).DELETE());
  }

  /** PUT of raw bytes (Content-Length is set from the array) with extra headers such as If-Match. */
  public Reply putBytes(String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder builder = http11(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    return send(builder);
  }

  /** PUT of a stream of unknown length: the body is sent chunked. */
  public Reply putChunked(String path, String contentType, Supplier<InputStream> body, Map<String, String> headers) {
    HttpRequest.Builder builder = http11(path).PUT(HttpRequest.BodyPublishers.ofInputStream(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    return send(builder);
  }

  /** GET keeping the body as bytes, with extra headers such as Range or If-None-Match. */
  public BinaryReply getBytes(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = http11(path).GET();
    headers.forEach(builder::header);
    try {
      HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new BinaryReply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET with extra headers, body as text. */
  public Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = http11(path).GET();
    headers.forEach(builder::header);
    return send(builder);
  }

  /** A fresh account created through the admin API with a password that need not be changed; returns its id. */
  public static String createUser(String username, String password, String role) {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply reply =
        admin.post(
            "/api/admin/users",
            Map.of("username", username, "password", password, "role", role, "displayName", "User " + username,
                "email", username + "@example.org", "mustChangePassword", false));
    if (reply.status() != 201) {
      throw new AssertionError("Creating " + username + " failed: " + reply.status() + " " + reply.body());
    }
    return reply.string("id");
  }

  /** A username no other test uses. */
  public static String uniqueUsername(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000);
  }

  /** A password that passes the policy. */
  public static String strongPassword() {
    return "Pw-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "-horse-battery";
  }
}
