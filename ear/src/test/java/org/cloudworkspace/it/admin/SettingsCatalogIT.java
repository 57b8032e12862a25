package org.cloudworkspace.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.it.admin.AdminFixtures.admin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings answer carries the catalog that drives the admin console's form: kind, meaning and rules. */
class SettingsCatalogIT {

  @Test
  @SuppressWarnings("unchecked")
  void everySettingIsDescribedByTheCatalog() {
    Map<String, Object> overview = admin().get("/api/admin/settings").json();
    List<Map<String, Object>> catalog = (List<Map<String, Object>>) overview.get("catalog");
    Map<String, Object> values = (Map<String, Object>) overview.get("values");
    assertThat(catalog).extracting(c -> c.get("name")).containsExactlyInAnyOrderElementsOf(values.keySet());
    assertThat(catalog).allSatisfy(c -> assertThat(c).containsKeys("kind", "description", "environmentVariable"));
    Map<String, Map<String, Object>> byName =
        catalog.stream().collect(java.util.stream.Collectors.toMap(c -> (String) c.get("name"), c -> c));
    assertThat(byName.get("passwords.minLength"))
        .containsEntry("kind", "number")
        .containsEntry("environmentVariable", "PASSWORD_MIN_LENGTH");
    assertThat(((Number) byName.get("passwords.minLength").get("min")).intValue()).isEqualTo(8);
    assertThat(((Number) byName.get("passwords.minLength").get("max")).intValue()).isEqualTo(128);
    assertThat(byName.get("inventory.url")).containsEntry("kind", "url");
    assertThat(byName.get("shares.passwordRequired")).containsEntry("kind", "boolean");
    assertThat(byName.get("mail.allowedSecurityModes"))
        .containsEntry("kind", "choices")
        .containsEntry("choices", List.of("none", "ssl", "starttls"));
    assertThat(byName.get("ide.approvedImages")).containsEntry("kind", "list").containsKey("pattern");
    // Secrets are named with whether they are set, never with a value.
    List<Map<String, Object>> secrets = (List<Map<String, Object>>) overview.get("secrets");
    assertThat(secrets).allSatisfy(s -> assertThat(s.keySet()).containsExactlyInAnyOrder("name", "set"));
  }
}
