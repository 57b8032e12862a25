package org.cloudworkspace.common.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Outbound HTTP under the {@link OutboundAddressPolicy}: each request checks its address, connects to the one
 * address that was checked (a resolver that answers nothing else is installed, so there is no second DNS lookup to
 * rebind), follows no redirects, uses no proxy from system properties, and enforces a connect timeout, a read timeout,
 * an overall deadline and a size limit on the body.
 */
public final class OutboundHttp {

  private static final HexFormat HEX = HexFormat.of();

  /** Timeouts and the largest body accepted. */
  public record Limits(Duration connectTimeout, Duration readTimeout, Duration deadline, long maxBytes) {

    public Limits {
      Objects.requireNonNull(connectTimeout);
      Objects.requireNonNull(readTimeout);
      Objects.requireNonNull(deadline);
      if (maxBytes < 0) {
        throw new IllegalArgumentException("maxBytes < 0");
      }
    }
  }

  /** A body written to a file: its length, SHA-256 (hex) and declared media type (may be null). */
  public record Downloaded(long size, String sha256, String contentType) {}

  /** A small text answer. */
  public record TextResponse(int status, String body) {}

  private final OutboundAddressPolicy policy;

  public OutboundHttp(OutboundAddressPolicy policy) {
    this.policy = Objects.requireNonNull(policy);
  }

  /**
   * GETs {@code uri} into {@code target} (created or replaced). Anything but a 2xx answer, a body over the limit or
   * a deadline passed fails, and the target is deleted.
   */
  public Downloaded download(URI uri, Collection<URI> configuredServers, Map<String, String> headers, Limits limits,
      Path target) {
    OutboundAddressPolicy.Destination destination = policy.check(uri, configuredServers);
    HttpGet get = new HttpGet(pathAndQuery(uri));
    headers.forEach(get::addHeader);
    long started = System.nanoTime();
    try (CloseableHttpClient client = client(destination, limits);
        ClassicHttpResponse response = client.executeOpen(host(destination), get, null)) {
      requireSuccess(response, uri);
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        throw new OutboundRequestException("The answer from " + origin(uri) + " had no body.");
      }
      if (entity.getContentLength() > limits.maxBytes()) {
        throw tooLarge(uri, limits);
      }
      MessageDigest sha = sha256();
      long size = 0;
      try (InputStream in = entity.getContent();
          OutputStream out =
              Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
          size += read;
          if (size > limits.maxBytes()) {
            throw tooLarge(uri, limits);
          }
          if (System.nanoTime() - started > limits.deadline().toNanos()) {
            throw new OutboundRequestException(
                "The download from " + origin(uri) + " took longer than " + limits.deadline().toSeconds() + " s.");
          }
          sha.update(buffer, 0, read);
          out.write(buffer, 0, read);
        }
      }
      Header type = response.getFirstHeader("Content-Type");
      return new Downloaded(size, HEX.formatHex(sha.digest()), type == null ? null : type.getValue());
    } catch (OutboundRequestException | DestinationRefusedException e) {
      deleteQuietly(target);
      throw e;
    } catch (IOException e) {
      deleteQuietly(target);
      throw new OutboundRequestException(
          "The download from " + origin(uri) + " failed: " + describe(e) + ".", e);
    }
  }

  /** POSTs a JSON body and returns the text answer (of any status), at most {@code limits.maxBytes()} long. */
  public TextResponse postJson(URI uri, Collection<URI> configuredServers, Map<String, String> headers, String json,
      Limits limits) {
    OutboundAddressPolicy.Destination destination = policy.check(uri, configuredServers);
    HttpPost post = new HttpPost(pathAndQuery(uri));
    headers.forEach(post::addHeader);
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    try (CloseableHttpClient client = client(destination, limits);
        ClassicHttpResponse response = client.executeOpen(host(destination), post, null)) {
      int status = response.getCode();
      if (status >= 300 && status < 400) {
        throw redirect(response, uri);
      }
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        return new TextResponse(status, "");
      }
      try (InputStream in = entity.getContent()) {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        if (body.length > limits.maxBytes()) {
          throw tooLarge(uri, limits);
        }
        return new TextResponse(status, new String(body, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new OutboundRequestException("The request to " + origin(uri) + " failed: " + describe(e) + ".", e);
    }
  }

  private static CloseableHttpClient client(OutboundAddressPolicy.Destination destination, Limits limits) {
    DnsResolver pinned =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            if (destination.host().equalsIgnoreCase(host)) {
              return new InetAddress[] {destination.address()};
            }
            throw new UnknownHostException("Only " + destination.host() + " may be reached by this request");
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(pinned)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(limits.connectTimeout()))
                    .setSocketTimeout(Timeout.of(limits.readTimeout()))
                    .build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(connections)
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectionRequestTimeout(Timeout.of(limits.connectTimeout()))
                .setResponseTimeout(Timeout.of(limits.readTimeout()))
                .build())
        .build();
  }

  private static HttpHost host(OutboundAddressPolicy.Destination destination) {
    return new HttpHost(destination.scheme(), destination.address(), destination.host(), destination.port());
  }

  private static void requireSuccess(ClassicHttpResponse response, URI uri) {
    int status = response.getCode();
    if (status >= 300 && status < 400) {
      throw redirect(response, uri);
    }
    if (status < 200 || status >= 300) {
      throw new OutboundRequestException(origin(uri) + " answered HTTP " + status + ".");
    }
  }

  private static OutboundRequestException redirect(ClassicHttpResponse response, URI uri) {
    Header location = response.getFirstHeader("Location");
    return new OutboundRequestException(
        origin(uri) + " answered with a redirect (HTTP " + response.getCode() + ")"
            + (location == null ? "" : " to " + locationOrigin(location.getValue()))
            + "; redirects are not followed.");
  }

  private static OutboundRequestException tooLarge(URI uri, Limits limits) {
    return new OutboundRequestException(
        "The body from " + origin(uri) + " is larger than the limit of " + limits.maxBytes() + " bytes.");
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** scheme://host:port of an address, for messages (never the path, which may carry a token). */
  public static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "?" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      return scheme + ":";
    }
    return scheme + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    if (name.contains("Timeout")) {
      return "it did not answer in time";
    }
    if (name.contains("Connect")) {
      return "it could not be reached";
    }
    if (e instanceof java.nio.file.FileSystemException) {
      return "the local file could not be written";
    }
    return "the connection broke off (" + name + ")";
  }

  private static String locationOrigin(String location) {
    try {
      URI target = URI.create(location.trim());
      return target.getScheme() == null ? "a relative address" : origin(target);
    } catch (IllegalArgumentException e) {
      return "an invalid address";
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path target) {
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete a failed download at " + target, e);
    }
  }
}
