package org.cloudworkspace.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudworkspace.common.error.DomainException;
import org.junit.jupiter.api.Test;

class SettingsCatalogTest {

  private static DomainException invalid(Map<String, ?> patch) {
    try {
      SettingsCatalog.validate(patch);
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("accepted " + patch);
  }

  @Test
  void acceptsValidValuesAndNormalisesThem() {
    Map<String, Object> patch = new HashMap<>();
    patch.put(SettingsCatalog.PASSWORD_MIN_LENGTH, new BigDecimal("12"));
    patch.put(SettingsCatalog.OFFICE_PUBLIC_URL, " https://office.example.org/ ");
    patch.put(SettingsCatalog.SHARE_PASSWORD_REQUIRED, true);
    patch.put(SettingsCatalog.IDE_APPROVED_IMAGES, List.of("local/workspace:1", "local/workspace:1", "debian:12"));
    patch.put(SettingsCatalog.MAIL_SECURITY_MODES, List.of("SSL", "starttls"));
    patch.put(SettingsCatalog.INVENTORY_URL, "");
    patch.put(SettingsCatalog.TRASH_RETENTION_DAYS, null);
    Map<String, Optional<String>> parsed = SettingsCatalog.validate(patch);
    assertThat(parsed.get(SettingsCatalog.PASSWORD_MIN_LENGTH)).hasValue("12");
    assertThat(parsed.get(SettingsCatalog.OFFICE_PUBLIC_URL)).hasValue("https://office.example.org");
    assertThat(parsed.get(SettingsCatalog.SHARE_PASSWORD_REQUIRED)).hasValue("true");
    assertThat(parsed.get(SettingsCatalog.IDE_APPROVED_IMAGES)).hasValue("local/workspace:1\ndebian:12");
    assertThat(parsed.get(SettingsCatalog.MAIL_SECURITY_MODES)).hasValue("ssl\nstarttls");
    assertThat(parsed.get(SettingsCatalog.INVENTORY_URL)).hasValue("");
    assertThat(parsed.get(SettingsCatalog.TRASH_RETENTION_DAYS)).isEmpty();
  }

  @Test
  void reportsEveryInvalidAndUnknownSettingAsAFieldError() {
    Map<String, Object> patch = new HashMap<>();
    patch.put(SettingsCatalog.PASSWORD_MIN_LENGTH, new BigDecimal("7"));
    patch.put(SettingsCatalog.IDE_CPUS, new BigDecimal("1.5"));
    patch.put(SettingsCatalog.OFFICE_INTERNAL_URL, "ftp://office");
    patch.put(SettingsCatalog.INVENTORY_URL, "https://user:pw@inventory.example.org");
    patch.put(SettingsCatalog.REQUIRE_2FA_ADMINS, "yes");
    patch.put(SettingsCatalog.MAIL_SECURITY_MODES, List.of("plaintext"));
    patch.put(SettingsCatalog.IDE_APPROVED_IMAGES, List.of("Bad Image"));
    patch.put(SettingsCatalog.OFFICE_JWT_HEADER, "X Header");
    patch.put("no.such.setting", 1);
    DomainException e = invalid(patch);
    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
    assertThat(e.fieldErrors())
        .extracting(DomainException.FieldError::field)
        .containsExactlyInAnyOrder(
            SettingsCatalog.PASSWORD_MIN_LENGTH, SettingsCatalog.IDE_CPUS, SettingsCatalog.OFFICE_INTERNAL_URL,
            SettingsCatalog.INVENTORY_URL, SettingsCatalog.REQUIRE_2FA_ADMINS, SettingsCatalog.MAIL_SECURITY_MODES,
            SettingsCatalog.IDE_APPROVED_IMAGES, SettingsCatalog.OFFICE_JWT_HEADER, "no.such.setting");
    assertThat(e.fieldErrors())
        .filteredOn(f -> f.field().equals(SettingsCatalog.PASSWORD_MIN_LENGTH))
        .first()
        .extracting(DomainException.FieldError::message)
        .isEqualTo("Use a whole number from 8 to 128.");
  }

  @Test
  void refusesAnEmptyChange() {
    assertThatThrownBy(() -> SettingsCatalog.validate(Map.of())).isInstanceOf(DomainException.class);
  }

  @Test
  void configuredDefaultsAreParsedAndInvalidOnesFallBack() {
    SettingDefinition quota = SettingsCatalog.find(SettingsCatalog.DEFAULT_QUOTA_BYTES).orElseThrow();
    assertThat(quota.decode(quota.fromConfig("1024"))).isEqualTo(1024L);
    assertThat(quota.decode(quota.fromConfig("lots"))).isEqualTo(10L << 30);
    assertThat(quota.decode(quota.fromConfig(null))).isEqualTo(10L << 30);
    SettingDefinition images = SettingsCatalog.find(SettingsCatalog.IDE_APPROVED_IMAGES).orElseThrow();
    assertThat(images.decode(images.fromConfig("a:1, b:2"))).isEqualTo(List.of("a:1", "b:2"));
    assertThat(images.decode(images.fromConfig(""))).isEqualTo(List.of());
    SettingDefinition modes = SettingsCatalog.find(SettingsCatalog.MAIL_SECURITY_MODES).orElseThrow();
    assertThat(modes.decode(modes.fromConfig(null))).isEqualTo(List.of("ssl", "starttls"));
  }

  @Test
  void everySettingsDefaultIsValid() {
    for (SettingDefinition d : SettingsCatalog.definitions()) {
      assertThat(d.decode(d.builtInDefault())).as(d.name()).isNotNull();
    }
  }
}
