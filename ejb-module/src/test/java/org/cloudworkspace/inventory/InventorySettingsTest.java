package org.cloudworkspace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.cloudworkspace.common.settings.SettingsService;
import org.junit.jupiter.api.Test;

/** Service addresses in canonical form, the ticket lifetime cap, and what counts as configured. */
class InventorySettingsTest {

  private static InventorySettings settings(String url, String secret, long ticketSeconds) {
    InventorySettings settings = new InventorySettings();
    settings.runtimeSettings =
        new SettingsService() {
          @Override
          public String inventoryUrl() {
            return url == null ? "" : url;
          }
        };
    settings.secret = Optional.ofNullable(secret);
    settings.loginPath = "/sso/login";
    settings.apiPath = "api/";
    settings.ticketSeconds = ticketSeconds;
    return settings;
  }

  @Test
  void serviceAddressesAreComparedInCanonicalForm() {
    assertThat(InventorySettings.normalizeService("HTTPS://Inventory.Example.org/")).contains("https://inventory.example.org");
    assertThat(InventorySettings.normalizeService("http://127.0.0.1:19090")).contains("http://127.0.0.1:19090");
    assertThat(InventorySettings.normalizeService("https://example.org/inv//")).contains("https://example.org/inv");
    assertThat(InventorySettings.normalizeService("ftp://example.org")).isEmpty();
    assertThat(InventorySettings.normalizeService("https://user@example.org")).isEmpty();
    assertThat(InventorySettings.normalizeService("https://example.org/?x=1")).isEmpty();
    assertThat(InventorySettings.normalizeService("not a url")).isEmpty();
    assertThat(InventorySettings.normalizeService("")).isEmpty();
  }

  @Test
  void ticketLifetimeIsAtMostSixtySeconds() {
    assertThat(settings(null, null, 3).ticketTtl()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings(null, null, 600).ticketTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings(null, null, 0).ticketTtl()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void configuredNeedsAUsableAddressAndASecretOfAtLeast32Bytes() {
    String secret = "s".repeat(32);
    assertThat(settings("https://inv.example.org", secret, 60).configured()).isTrue();
    assertThat(settings(null, secret, 60).configured()).isFalse();
    assertThat(settings("https://inv.example.org", "short", 60).configured()).isFalse();
    assertThat(settings("https://inv.example.org", null, 60).configured()).isFalse();
  }

  @Test
  void loginAndApiAddressesDeriveFromTheServiceAddress() {
    InventorySettings settings = settings("https://inv.example.org/", "s".repeat(32), 60);
    assertThat(settings.loginUrl()).isEqualTo("https://inv.example.org/sso/login");
    assertThat(settings.apiBase()).hasToString("https://inv.example.org/api");
  }
}
