package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Settings stored in the database: validation, secrets hidden, audit, and effect without a restart. */
class SettingsIT {

  private static ApiClient admin() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
  }

  @Test
  @SuppressWarnings("unchecked")
  void showsValuesDefaultsAndOnlyWhetherSecretsAreSet() {
    Reply reply = admin().get("/api/admin/settings");
    assertThat(reply.status()).isEqualTo(200);
    Map<String, Object> values = (Map<String, Object>) reply.json().get("values");
    assertThat(values)
        .containsKeys("files.defaultQuotaBytes", "passwords.minLength", "office.publicUrl", "ide.approvedImages",
            "mail.allowedSecurityModes", "security.require2faForAdmins", "audit.retentionDays");
    assertThat(((Number) ((Map<String, Object>) reply.json().get("defaults")).get("passwords.minLength")).intValue())
        .isEqualTo(8);
    List<Map<String, Object>> secrets = (List<Map<String, Object>>) reply.json().get("secrets");
    assertThat(secrets).anySatisfy(s -> assertThat(s).containsEntry("name", "JWT_SECRET_KEY").containsEntry("set", true));
    assertThat(secrets).allSatisfy(s -> assertThat(s.keySet()).containsExactlyInAnyOrder("name", "set"));
    assertThat(reply.body()).doesNotContain(TestServers.secret("JWT_SECRET_KEY"))
        .doesNotContain(TestServers.secret("APP_ENCRYPTION_KEY"));
  }

  @Test
  void refusesInvalidSettingsWithOneFieldErrorEachAndChangesNothing() {
    ApiClient admin = admin();
    Map<String, Object> patch = new HashMap<>();
    patch.put("passwords.minLength", 4);
    patch.put("office.publicUrl", "javascript:alert(1)");
    patch.put("inventory.url", "ftp://inventory.example.org");
    patch.put("ide.idleTimeoutMinutes", 1);
    patch.put("shares.passwordRequired", "yes");
    patch.put("no.such.setting", true);
    Reply reply = admin.patch("/api/admin/settings", patch);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).contains("application/problem+json");
    for (String field : patch.keySet()) {
      assertThat(reply.body()).contains("\"field\":\"" + field + "\"");
    }
    assertThat(admin.get("/api/admin/settings").body()).doesNotContain("javascript:");
    assertThat(admin.patch("/api/admin/settings", Map.of()).status()).isEqualTo(400);
    assertThat(admin.send(admin.request("/api/admin/settings").header("Content-Type", "application/json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("[1]"))).status()).isEqualTo(400);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLongerMinimumPasswordLengthAppliesAtOnceAndIsAudited() {
    ApiClient admin = admin();
    String twelve = "Tq7-kv9x-Lm2"; // 12 characters, not a common password
    try {
      Reply changed = admin.patch("/api/admin/settings", Map.of("passwords.minLength", 14));
      assertThat(changed.status()).isEqualTo(200);
      assertThat(((Number) ((Map<String, Object>) changed.json().get("values")).get("passwords.minLength")).intValue())
          .isEqualTo(14);

      Reply refused =
          admin.post("/api/admin/users", Map.of("username", ApiClient.uniqueUsername("minlen"), "password", twelve));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("at least 14 characters");
      assertThat(admin.get("/api/admin/audit-events?type=admin.settings_change&size=5").items())
          .anySatisfy(e -> assertThat((String) e.get("details")).contains("passwords.minLength: 8 -> 14"));
    } finally {
      Map<String, Object> reset = new HashMap<>();
      reset.put("passwords.minLength", null);
      assertThat(admin.patch("/api/admin/settings", reset).status()).isEqualTo(200);
    }
    Reply accepted =
        admin.post("/api/admin/users", Map.of("username", ApiClient.uniqueUsername("minlen"), "password", twelve));
    assertThat(accepted.status()).isEqualTo(201);
  }

  @Test
  @SuppressWarnings("unchecked")
  void listsAndUrlsAreStoredNormalisedAndNullRestoresTheDefault() {
    ApiClient admin = admin();
    Object officeDefault =
        ((Map<String, Object>) admin.get("/api/admin/settings").json().get("values")).get("office.publicUrl");
    try {
      Reply changed =
          admin.patch(
              "/api/admin/settings",
              Map.of("ide.approvedImages", List.of("local/workspace:1", "debian:12"),
                  "office.publicUrl", "https://office.example.org/",
                  "mail.allowedSecurityModes", List.of("ssl")));
      assertThat(changed.status()).isEqualTo(200);
      Map<String, Object> values = (Map<String, Object>) changed.json().get("values");
      assertThat(values.get("ide.approvedImages")).isEqualTo(List.of("local/workspace:1", "debian:12"));
      assertThat(values.get("office.publicUrl")).isEqualTo("https://office.example.org");
      assertThat(values.get("mail.allowedSecurityModes")).isEqualTo(List.of("ssl"));
    } finally {
      Map<String, Object> reset = new HashMap<>();
      reset.put("ide.approvedImages", null);
      reset.put("office.publicUrl", null);
      reset.put("mail.allowedSecurityModes", null);
      Reply restored = admin.patch("/api/admin/settings", reset);
      // Back to the configured default (the test servers set ONLYOFFICE_URL for the Document Server simulator).
      assertThat((Map<String, Object>) restored.json().get("values"))
          .containsEntry("office.publicUrl", officeDefault);
    }
  }
}
