package org.cloudworkspace.inventory.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.inventory.RequestSignature;

/**
 * Signs every request to InventoryPro: {@code X-InventoryPro-Timestamp} and {@code X-InventoryPro-Signature} over
 * method, raw path and query, timestamp and body hash. A streamed body is not read here: its caller sends its SHA-256
 * in {@value InventoryProApi#CONTENT_SHA256_HEADER}, which is what the signature covers.
 */
public class InventoryProSigningFilter implements ClientRequestFilter {

  private static final Logger LOG = Logger.getLogger(InventoryProSigningFilter.class.getName());

  private final RequestSignature signature;
  private final Clock clock;

  public InventoryProSigningFilter(RequestSignature signature, Clock clock) {
    this.signature = signature;
    this.clock = clock;
  }

  @Override
  public void filter(ClientRequestContext request) {
    if (request.hasEntity() && request.getEntity() instanceof InputStream) {
      sendChunked(request);
    }
    long timestamp = clock.instant().getEpochSecond();
    String bodyHash = bodyHash(request);
    request.getHeaders().putSingle(RequestSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    request
        .getHeaders()
        .putSingle(
            RequestSignature.SIGNATURE_HEADER,
            signature.sign(request.getMethod(), pathAndQuery(request.getUri()), timestamp, bodyHash));
  }

  private static String bodyHash(ClientRequestContext request) {
    Object entity = request.hasEntity() ? request.getEntity() : null;
    if (entity == null) {
      return RequestSignature.EMPTY_BODY_SHA256;
    }
    if (entity instanceof byte[] bytes) {
      return RequestSignature.sha256Hex(bytes);
    }
    if (entity instanceof String text) {
      return RequestSignature.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
    String declared = request.getHeaderString(InventoryProApi.CONTENT_SHA256_HEADER);
    if (!RequestSignature.isSha256Hex(declared)) {
      throw new IllegalStateException(
          "A streamed body to InventoryPro needs its SHA-256 in " + InventoryProApi.CONTENT_SHA256_HEADER);
    }
    return declared;
  }

  /**
   * Asks the client to send a stream as it is read (chunked). Without this, RESTEasy's HTTP engine first copies the
   * whole body (to memory, then a temporary file) to learn its length; there is no standard way to say so, so the
   * implementation's own switch ({@code ClientInvocation.setChunked}) is used when it is there.
   */
  private static void sendChunked(ClientRequestContext request) {
    try {
      Object invocation = request.getClass().getMethod("getInvocation").invoke(request);
      invocation.getClass().getMethod("setChunked", boolean.class).invoke(invocation, true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "This REST client cannot be told to send chunked; the body is buffered", e);
    }
  }

  /** The raw request target: the encoded path ({@code /} when empty), plus {@code ?} and the raw query if any. */
  static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }
}
