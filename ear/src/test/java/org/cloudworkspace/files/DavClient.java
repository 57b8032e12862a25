package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;

/**
 * A WebDAV client as a desktop mount is one: Basic credentials on every request, WebDAV methods and headers, paths
 * relative to the user's WebDAV root. Each client comes from its own address (X-Forwarded-For), like ApiClient.
 */
final class DavClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  final String username;
  final String secret;
  final String address;

  DavClient(String username, String secret) {
    this.username = username;
    this.secret = secret;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.address = "203.0." + random.nextInt(0, 113) + "." + random.nextInt(1, 255);
  }

  /** A fresh user with an app password, and a WebDAV client using it. */
  static DavClient forNewUser() {
    return forUser(FilesUser.create());
  }

  static DavClient forUser(FilesUser user) {
    return new DavClient(user.username, appPassword(user.client, "test client"));
  }

  /** Creates an app password through the API and returns it. */
  static String appPassword(ApiClient client, String name) {
    Reply reply = client.post("/api/me/app-passwords", Map.of("name", name));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("password");
  }

  /** The path of something in this user's tree, e.g. {@code docs/a.txt} (already encoded). */
  String path(String relative) {
    return "/dav/files/" + username + "/" + relative;
  }

  /** The absolute URL, for Destination headers. */
  String url(String relative) {
    return TestServers.appUrl().resolve(path(relative)).toString();
  }

  Reply send(String method, String relative, Map<String, String> headers, String body) {
    return sendBytes(method, relative, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  Reply sendBytes(String method, String relative, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(TestServers.appUrl().resolve(URI.create(path(relative))))
            .timeout(Duration.ofSeconds(60))
            .header("X-Forwarded-For", address)
            .method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (secret != null) {
      builder.header("Authorization", basic(username, secret));
    }
    headers.forEach(builder::header);
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String basic(String username, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Reply put(String relative, String content) {
    return send("PUT", relative, Map.of("Content-Type", "text/plain"), content);
  }

  Reply get(String relative) {
    return send("GET", relative, Map.of(), null);
  }

  Reply mkcol(String relative) {
    return send("MKCOL", relative, Map.of(), null);
  }

  Reply propfind(String relative, String depth, String body) {
    return send("PROPFIND", relative, body == null ? Map.of("Depth", depth)
        : Map.of("Depth", depth, "Content-Type", "application/xml"), body);
  }

  Reply delete(String relative) {
    return send("DELETE", relative, Map.of(), null);
  }

  /** The authorization header value of this client. */
  String authorization() {
    return basic(username, secret);
  }
}
