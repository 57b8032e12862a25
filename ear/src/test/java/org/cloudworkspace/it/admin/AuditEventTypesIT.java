package org.cloudworkspace.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.it.admin.AdminFixtures.admin;
import static org.cloudworkspace.it.admin.AdminFixtures.events;
import static org.cloudworkspace.it.admin.AdminFixtures.user;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.cloudworkspace.it.TotpCodes;
import org.cloudworkspace.it.admin.AdminFixtures.User;
import org.junit.jupiter.api.Test;

/**
 * Every security-relevant event the workspace has so far is written to the audit log, with actor, target, client
 * address and UTC time, and never with a password, token or secret: sign-ins (success, failure, second step),
 * throttling, refresh-token reuse, sign-out, password and two-factor changes, sessions ended by the user and by admins,
 * every admin action on users (with before and after), settings, quotas, deletions, and refused admin calls.
 */
class AuditEventTypesIT {

  private static Map<String, Object> one(ApiClient admin, String type, String user) {
    List<Map<String, Object>> found = events(admin, type, user);
    assertThat(found).as(type + " for " + user).isNotEmpty();
    Map<String, Object> event = found.get(0);
    assertThat(Instant.parse((String) event.get("occurredAt"))).as(type).isBefore(Instant.now().plusSeconds(5));
    assertThat((String) event.get("occurredAt")).as(type + " is UTC").endsWith("Z");
    return event;
  }

  private static void noSecretsIn(List<Map<String, Object>> events, String... secrets) {
    for (Map<String, Object> event : events) {
      for (String secret : secrets) {
        assertThat(String.valueOf(event)).as("event " + event.get("type")).doesNotContain(secret);
      }
    }
  }

  @Test
  void signInEventsAreWritten() {
    User u = user("audsign");
    ApiClient client = new ApiClient();
    assertThat(client.login(u.username(), "wrong-" + u.password()).status()).isEqualTo(401);
    client.signIn(u.username(), u.password());
    String oldCookie = client.refreshCookie();
    assertThat(client.refresh().status()).isEqualTo(200);
    ApiClient thief = new ApiClient();
    thief.refreshCookie(oldCookie);
    assertThat(thief.refresh().status()).isEqualTo(401);

    ApiClient second = new ApiClient().signIn(u.username(), u.password());
    assertThat(second.logout().status()).isIn(200, 204);

    ApiClient admin = admin();
    List<Map<String, Object>> signIns = events(admin, "auth.sign_in", u.username());
    assertThat(signIns).anySatisfy(e -> assertThat(e).containsEntry("outcome", "success")
        .containsEntry("actorName", u.username()).containsEntry("address", client.address()));
    assertThat(signIns).anySatisfy(e -> assertThat(e).containsEntry("outcome", "failure")
        .containsEntry("target", u.username()).containsEntry("address", client.address()));
    assertThat(one(admin, "auth.refresh_reuse", u.username())).containsEntry("address", thief.address());
    assertThat(one(admin, "auth.sign_out", u.username())).containsEntry("address", second.address());
    noSecretsIn(signIns, u.password(), oldCookie, client.accessToken());
  }

  @Test
  void throttlingTripsAreWritten() {
    User u = user("audthrottle");
    ApiClient client = new ApiClient();
    int status = 0;
    for (int i = 0; i < 8 && status != 429; i++) {
      status = client.login(u.username(), "wrong-password-" + i).status();
    }
    assertThat(status).isEqualTo(429);
    Map<String, Object> tripped = one(admin(), "auth.sign_in_throttled", u.username());
    assertThat(tripped).containsEntry("outcome", "failure").containsEntry("address", client.address());
  }

  @Test
  @SuppressWarnings("unchecked")
  void passwordAndTwoFactorChangesAreWritten() {
    User u = user("audmfa");
    ApiClient client = u.signIn();
    String newPassword = ApiClient.strongPassword();
    assertThat(client.post("/api/me/password", Map.of("currentPassword", u.password(), "newPassword", newPassword))
        .status()).isEqualTo(200);

    String secret = client.post("/api/me/2fa/enrol", null).string("secret");
    Reply confirmed =
        client.post("/api/me/2fa/confirm", Map.of("code", TotpCodes.code(secret, TotpCodes.currentStep())));
    List<String> recovery = (List<String>) confirmed.json().get("recoveryCodes");
    ApiClient twoStep = new ApiClient();
    String mfaToken = twoStep.login(u.username(), newPassword).string("mfaToken");
    assertThat(twoStep.post("/api/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", recovery.get(0))).status())
        .isEqualTo(200);
    assertThat(twoStep.post("/api/me/2fa/disable", Map.of("password", newPassword, "code", recovery.get(1))).status())
        .isEqualTo(204);
    String again = twoStep.post("/api/me/2fa/enrol", null).string("secret");
    assertThat(twoStep.post("/api/me/2fa/confirm", Map.of("code", TotpCodes.code(again, TotpCodes.currentStep())))
        .status()).isEqualTo(200);
    ApiClient admin = admin();
    assertThat(admin.delete("/api/admin/users/" + u.id() + "/2fa").status()).isEqualTo(204);

    assertThat(one(admin, "auth.password_change", u.username())).containsEntry("actorName", u.username())
        .containsEntry("address", client.address());
    assertThat(events(admin, "auth.2fa_enable", u.username())).hasSize(2);
    assertThat(one(admin, "auth.sign_in_second_factor", u.username())).containsEntry("address", twoStep.address());
    assertThat(one(admin, "auth.2fa_disable", u.username())).containsEntry("outcome", "success");
    assertThat(one(admin, "admin.user_2fa_reset", u.username()))
        .containsEntry("actorName", TestServers.adminUsername())
        .containsEntry("details", "two-factor sign-in: on -> off");
    List<Map<String, Object>> all = admin.get("/api/admin/audit-events?size=200&user=" + u.username()).items();
    noSecretsIn(all, u.password(), newPassword, secret, again, recovery.get(0), recovery.get(1));
  }

  @Test
  void sessionsEndedByUsersAndAdminsAreWritten() {
    User u = user("audsess");
    ApiClient first = u.signIn();
    ApiClient second = u.signIn();
    String secondId = second.get("/api/me/sessions").jsonList().stream()
        .filter(s -> Boolean.TRUE.equals(s.get("current")))
        .map(s -> (String) s.get("id"))
        .findFirst()
        .orElseThrow();
    assertThat(first.delete("/api/me/sessions/" + secondId).status()).isEqualTo(204);
    ApiClient admin = admin();
    assertThat(admin.delete("/api/admin/users/" + u.id() + "/sessions").status()).isEqualTo(200);
    assertThat(one(admin, "auth.session_end", u.username()).get("details").toString()).contains(secondId);
    assertThat(one(admin, "admin.session_end", u.username()))
        .containsEntry("actorName", TestServers.adminUsername())
        .containsEntry("target", u.username());
  }

  @Test
  void everyAdminActionIsWrittenWithBeforeAndAfter() {
    ApiClient admin = admin();
    String username = ApiClient.uniqueUsername("audadm");
    String temporary = ApiClient.strongPassword();
    Reply created =
        admin.post(
            "/api/admin/users",
            Map.of("username", username, "password", temporary, "role", "user", "displayName", "User " + username));
    assertThat(created.status()).isEqualTo(201);
    String id = created.string("id");
    assertThat(admin.patch("/api/admin/users/" + id, Map.of("displayName", "Audited Name")).status()).isEqualTo(200);
    assertThat(admin.post("/api/admin/users/" + id + "/disable", null).status()).isEqualTo(200);
    assertThat(admin.post("/api/admin/users/" + id + "/enable", null).status()).isEqualTo(200);
    String reset = ApiClient.strongPassword();
    assertThat(admin.post("/api/admin/users/" + id + "/password", Map.of("password", reset)).status()).isEqualTo(200);
    assertThat(admin.put("/api/admin/users/" + id + "/quota", Map.of("quotaBytes", 123456789)).status())
        .isEqualTo(200);
    assertThat(admin.delete("/api/admin/users/" + id + "?confirm=" + username + "&files=remove").status())
        .isEqualTo(200);

    assertThat(one(admin, "admin.user_create", username)).containsEntry("actorName", TestServers.adminUsername())
        .containsEntry("target", username).containsEntry("address", admin.address());
    assertThat(one(admin, "admin.user_edit", username).get("details").toString())
        .contains("displayName: User " + username + " -> Audited Name");
    assertThat(one(admin, "admin.user_disable", username)).containsEntry("details", "enabled true -> false");
    assertThat(one(admin, "admin.user_enable", username)).containsEntry("details", "enabled false -> true");
    assertThat(one(admin, "admin.user_password_reset", username).get("details").toString())
        .contains("must change: false -> true");
    assertThat(one(admin, "admin.user_quota", username).get("details").toString())
        .contains("default -> 123456789 bytes");
    assertThat(one(admin, "admin.user_delete", username).get("details").toString()).contains("-> deleted");
    noSecretsIn(
        admin.get("/api/admin/audit-events?size=200&user=" + username).items(), temporary, reset);
  }

  @Test
  void settingsChangesAndRefusedAdminCallsAreWritten() {
    ApiClient admin = admin();
    Map<String, Object> patch = new HashMap<>();
    patch.put("audit.retentionDays", 4000);
    assertThat(admin.patch("/api/admin/settings", patch).status()).isEqualTo(200);
    patch.put("audit.retentionDays", null);
    assertThat(admin.send(admin.http11("/api/admin/settings").header("Content-Type", "application/json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"audit.retentionDays\":null}")))
        .status()).isEqualTo(200);
    List<Map<String, Object>> changes =
        admin.get("/api/admin/audit-events?size=20&type=admin.settings_change").items();
    assertThat(changes).anySatisfy(e -> assertThat(e.get("details").toString()).contains("audit.retentionDays")
        .contains("4000"));

    User u = user("auddenied");
    ApiClient client = u.signIn();
    assertThat(client.get("/api/admin/users").status()).isEqualTo(403);
    assertThat(one(admin, "security.access_denied", u.username()))
        .containsEntry("outcome", "failure").containsEntry("address", client.address())
        .containsEntry("target", "GET /api/admin/users");
  }
}
