package org.cloudworkspace.office;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.settings.SettingsService;
import org.eclipse.microprofile.config.Config;

/**
 * The Document Server settings at run time: its address for browsers ({@code office.publicUrl}, default
 * {@code ONLYOFFICE_URL}) and for the app ({@code office.internalUrl}, default {@code ONLYOFFICE_INTERNAL_URL}, else
 * the public one), the app's address for the Document Server ({@code office.appPublicUrl}, default
 * {@code WORKSPACE_PUBLIC_URL}, else the address the browser used), the JWT header, and the JWT secret
 * ({@code ONLYOFFICE_TOKEN_SECRET}, never shown). Links handed to the Document Server are signed with a key derived
 * from {@code APP_ENCRYPTION_KEY}.
 */
@ApplicationScoped
public class OfficeSettings {

  @Inject SettingsService settings;

  @Inject Config config;

  @Inject OfficeSecrets secrets;

  /** Whether a Document Server is configured. */
  public boolean enabled() {
    return !publicUrl().isEmpty();
  }

  /** The Document Server as browsers reach it, without a trailing slash; empty when none is configured. */
  public String publicUrl() {
    return settings.documentServerPublicUrl();
  }

  /** The Document Server as the app reaches it. */
  public String internalUrl() {
    String internal = settings.documentServerInternalUrl();
    return internal.isEmpty() ? publicUrl() : internal;
  }

  /** The app as the Document Server reaches it, or empty to use the address of the browser's request. */
  public String appPublicUrl() {
    return settings.appPublicUrl();
  }

  /** The header the Document Server puts its JWT in (besides the body). */
  public String jwtHeader() {
    String header = settings.documentServerJwtHeader();
    return header == null || header.isBlank() ? "Authorization" : header;
  }

  /** The Document Server's addresses, the only origins saves are downloaded from. */
  public List<URI> serverOrigins() {
    List<URI> origins = new ArrayList<>();
    for (String url : List.of(internalUrl(), publicUrl())) {
      if (!url.isEmpty()) {
        origins.add(URI.create(url));
      }
    }
    return origins;
  }

  /** Where the JWT secret in effect comes from: {@code admin} (set in the admin console) or {@code environment}. */
  public String tokenSecretSource() {
    return secrets.stored().isPresent() ? "admin" : "environment";
  }

  /** The shared JWT secret of the Document Server: an admin's, else ONLYOFFICE_TOKEN_SECRET. */
  public byte[] tokenSecret() {
    String secret = secrets.stored()
        .orElseGet(() -> config.getOptionalValue("ONLYOFFICE_TOKEN_SECRET", String.class).orElse(""));
    if (secret.isBlank()) {
      throw new DomainException(
          DomainException.Kind.UNAVAILABLE, "Document Server not configured",
          "ONLYOFFICE_TOKEN_SECRET is not set, so the Document Server cannot be trusted.");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The key of the app's own signed links (downloads and callback addresses). */
  byte[] linkKey() {
    String base = config.getValue("APP_ENCRYPTION_KEY", String.class);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(base.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal("cloud-workspace office links v1".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Refuses with 503 when no Document Server is configured. */
  public void requireEnabled() {
    if (!enabled()) {
      throw new DomainException(
          DomainException.Kind.UNAVAILABLE, "No Document Server",
          "No Document Server is configured, so office documents cannot be edited here. Download the file, or ask an"
              + " admin to set the Document Server address (ONLYOFFICE_URL).");
    }
  }
}
