package org.cloudworkspace.inventory.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.inventory.InventorySettings;
import org.cloudworkspace.inventory.RequestSignature;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Calls InventoryPro's API through the MicroProfile Rest Client, guarded by MicroProfile Fault Tolerance: a timeout
 * per call (the panel answers within about two seconds), one retry for the idempotent reads only, a circuit breaker
 * that stops calling a failing InventoryPro for five seconds, a bulkhead that caps concurrent calls, and a fallback
 * that turns every such failure into a 503 "not reachable". Errors about the request itself (an unknown item) pass
 * through untouched and do not count as failures. Requests go only to the configured address (setting
 * {@code inventory.url}, default INVENTORY_PRO_URL); redirects are not followed.
 */
@ApplicationScoped
public class InventoryProGateway {

  static final long CONNECT_TIMEOUT_MS = 1000;
  static final long READ_TIMEOUT_MS = 2000;

  @Inject InventorySettings settings;

  /** Clients kept at most; more addresses than this in one run means the setting keeps changing: start afresh. */
  private static final int MAX_CLIENTS = 4;

  private static final Logger LOG = Logger.getLogger(InventoryProGateway.class.getName());

  private final Map<URI, InventoryProApi> clients = new ConcurrentHashMap<>();

  @Timeout(1500)
  @Retry(
      maxRetries = 1,
      delay = 100,
      jitter = 0,
      abortOn = {
        DomainException.class, TimeoutException.class, CircuitBreakerOpenException.class, BulkheadException.class
      })
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
      skipOn = DomainException.class)
  @Bulkhead(10)
  @Fallback(value = InventoryProUnavailable.Search.class, skipOn = DomainException.class)
  public ItemSearchView searchItems(String query) {
    return api().searchItems(query);
  }

  @Timeout(1500)
  @Retry(
      maxRetries = 1,
      delay = 100,
      jitter = 0,
      abortOn = {
        DomainException.class, TimeoutException.class, CircuitBreakerOpenException.class, BulkheadException.class
      })
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
      skipOn = DomainException.class)
  @Bulkhead(10)
  @Fallback(value = InventoryProUnavailable.Item.class, skipOn = DomainException.class)
  public ItemView item(String id) {
    return api().item(id);
  }

  /**
   * Streams a file to an item. Not retried: the body is a stream that is read once. Its timeout is longer, since a
   * large file takes time to send.
   */
  @Timeout(value = 60, unit = java.time.temporal.ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
      skipOn = DomainException.class)
  @Bulkhead(4)
  @Fallback(value = InventoryProUnavailable.Attach.class, skipOn = DomainException.class)
  public AttachmentView attach(
      String itemId, String encodedFilename, String contentType, String contentSha256, InputStream content) {
    return api().attach(itemId, encodedFilename, contentType, contentSha256, content);
  }

  /**
   * The Rest Client for the current address (the setting {@code inventory.url}, read on every call): one client per
   * address, built once and kept, so a changed setting applies to the next call without a restart.
   */
  private InventoryProApi api() {
    URI base = settings.apiBase();
    InventoryProApi client = clients.get(base);
    if (client != null) {
      return client;
    }
    synchronized (clients) {
      if (clients.size() >= MAX_CLIENTS) {
        clients.values().forEach(InventoryProGateway::closeQuietly);
        clients.clear();
      }
      return clients.computeIfAbsent(base, this::build);
    }
  }

  private InventoryProApi build(URI base) {
    return RestClientBuilder.newBuilder()
        .baseUri(base)
        .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .followRedirects(false)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .register(new InventoryProSigningFilter(new RequestSignature(settings.requireSecret()), Clock.systemUTC()))
        .register(new InventoryProResponseMapper())
        .build(InventoryProApi.class);
  }

  private static void closeQuietly(InventoryProApi client) {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing an InventoryPro client failed", e);
      }
    }
  }
}
