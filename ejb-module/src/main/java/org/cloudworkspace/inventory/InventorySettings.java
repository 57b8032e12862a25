package org.cloudworkspace.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.settings.SettingsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * InventoryPro settings. The address is the run-time setting {@code inventory.url} (an admin's value stored in the
 * database, else {@code INVENTORY_PRO_URL}), read on every use, so a change applies without a restart; the secret,
 * paths and ticket lifetime come from MicroProfile Config (the environment wins). Without a usable address and
 * {@code INVENTORY_PRO_SHARED_SECRET} the integration is off and its endpoints answer 503.
 */
@ApplicationScoped
public class InventorySettings {

  /** The longest ticket lifetime allowed, whatever is configured. */
  static final Duration MAX_TICKET_TTL = Duration.ofSeconds(60);

  /** The shortest shared secret accepted, in bytes of its UTF-8 encoding. */
  public static final int MIN_SECRET_BYTES = 32;

  @Inject SettingsService runtimeSettings;

  @Inject
  @ConfigProperty(name = "INVENTORY_PRO_SHARED_SECRET")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "INVENTORY_PRO_LOGIN_PATH", defaultValue = "/sso/login")
  String loginPath;

  @Inject
  @ConfigProperty(name = "INVENTORY_PRO_API_PATH", defaultValue = "/api")
  String apiPath;

  @Inject
  @ConfigProperty(name = "INVENTORY_PRO_TICKET_SECONDS", defaultValue = "60")
  long ticketSeconds;

  /** Whether the address and the secret are set and usable. */
  public boolean configured() {
    return service().isPresent() && secretBytes().isPresent();
  }

  /**
   * The service address tickets are bound to: the setting {@code inventory.url} (default {@code INVENTORY_PRO_URL})
   * without a trailing slash, when it is an http(s) address with a host and no query, fragment or user info.
   */
  public Optional<String> service() {
    return normalizeService(runtimeSettings.inventoryUrl());
  }

  /** The service address, or a 503 "not configured" error. */
  public String requireService() {
    requireConfigured();
    return service().orElseThrow();
  }

  /** Throws the "not configured" error unless both address and secret are usable. */
  public void requireConfigured() {
    if (!configured()) {
      throw notConfigured();
    }
  }

  /** Where the browser is sent with its ticket. */
  public String loginUrl() {
    return requireService() + withLeadingSlash(loginPath);
  }

  /** The base address of InventoryPro's HTTP API, e.g. {@code https://inventory.example.org/api}. */
  public URI apiBase() {
    return URI.create(requireService() + withLeadingSlash(apiPath));
  }

  /** The HMAC key: the UTF-8 bytes of the secret exactly as configured. */
  public byte[] requireSecret() {
    requireConfigured();
    return secretBytes().orElseThrow();
  }

  /** How long a ticket may be redeemed after it was issued: 1 to 60 seconds. */
  public Duration ticketTtl() {
    Duration configured = Duration.ofSeconds(Math.max(1, ticketSeconds));
    return configured.compareTo(MAX_TICKET_TTL) > 0 ? MAX_TICKET_TTL : configured;
  }

  private Optional<byte[]> secretBytes() {
    return secret
        .map(value -> value.getBytes(StandardCharsets.UTF_8))
        .filter(bytes -> bytes.length >= MIN_SECRET_BYTES);
  }

  /** The canonical form of a service address, or empty when it is not an acceptable one. */
  public static Optional<String> normalizeService(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean usable =
          (scheme.equals("http") || scheme.equals("https"))
              && uri.getHost() != null
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
              && uri.getRawUserInfo() == null;
      if (!usable) {
        return Optional.empty();
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The error every InventoryPro endpoint answers with while the integration is not configured. */
  public static DomainException notConfigured() {
    return new DomainException(
        DomainException.Kind.UNAVAILABLE,
        "InventoryPro is not configured",
        "InventoryPro is not configured on this workspace. An administrator sets its address (setting"
            + " inventory.url or INVENTORY_PRO_URL) and INVENTORY_PRO_SHARED_SECRET to turn it on.");
  }

  private static String withLeadingSlash(String path) {
    String trimmed = path == null ? "" : path.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
