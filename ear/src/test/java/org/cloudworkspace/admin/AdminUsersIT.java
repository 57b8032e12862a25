package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Users in the admin console: list, create with a temporary password, edit, reset, disable, last-admin rules. */
class AdminUsersIT {

  private static ApiClient admin() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
  }

  private static List<Map<String, Object>> events(ApiClient admin, String type, String user) {
    return admin.get("/api/admin/audit-events?type=" + type + "&user=" + user + "&size=50").items();
  }

  @Test
  void listsSearchesSortsAndPages() {
    ApiClient admin = admin();
    String prefix = ApiClient.uniqueUsername("list");
    for (String suffix : List.of("c", "a", "b")) {
      ApiClient.createUser(prefix + "-" + suffix, ApiClient.strongPassword(), "user");
    }
    Reply page = admin.get("/api/admin/users?search=" + prefix + "&sort=username&dir=desc&size=2");
    assertThat(page.status()).isEqualTo(200);
    assertThat(((Number) page.json().get("total")).intValue()).isEqualTo(3);
    assertThat(page.items()).extracting(u -> u.get("username")).containsExactly(prefix + "-c", prefix + "-b");
    assertThat(page.items().get(0)).containsKeys("mustChangePassword", "twoFactorEnabled", "lastLoginAt", "createdAt");

    Reply second = admin.get("/api/admin/users?search=" + prefix + "&sort=username&dir=desc&size=2&page=1");
    assertThat(second.items()).extracting(u -> u.get("username")).containsExactly(prefix + "-a");
  }

  @Test
  void sortsByEveryColumnAndRefusesUnknownOnes() {
    ApiClient admin = admin();
    for (String sort : List.of("username", "displayName", "email", "role", "enabled", "lastLoginAt", "createdAt")) {
      for (String dir : List.of("asc", "desc")) {
        Reply reply = admin.get("/api/admin/users?sort=" + sort + "&dir=" + dir + "&size=5");
        assertThat(reply.status()).as(sort + " " + dir).isEqualTo(200);
      }
    }
    Reply created = admin.get("/api/admin/users?sort=createdAt&dir=desc&size=1");
    assertThat(created.items()).hasSize(1);
    Reply bad = admin.get("/api/admin/users?sort=password&dir=sideways");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"sort\"").contains("\"field\":\"dir\"");
  }

  @Test
  void aNewUserMustChangeTheTemporaryPasswordBeforeUsingTheApi() {
    ApiClient admin = admin();
    String username = ApiClient.uniqueUsername("temp");
    String temporary = ApiClient.strongPassword();
    Reply created =
        admin.post("/api/admin/users", Map.of("username", username, "password", temporary, "role", "user"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json()).containsEntry("mustChangePassword", true);

    ApiClient user = new ApiClient().signIn(username, temporary);
    Reply me = user.get("/api/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json()).containsEntry("mustChangePassword", true);
    Reply blocked = user.get("/api/me/sessions");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.string("detail")).isEqualTo("You must change your password first");
    assertThat(user.post("/api/me/2fa/enrol", null).status()).isEqualTo(403);
    // Refreshing does not lift the restriction.
    assertThat(user.refresh().status()).isEqualTo(200);
    assertThat(user.get("/api/me/sessions").status()).isEqualTo(403);

    String chosen = ApiClient.strongPassword();
    assertThat(user.post("/api/me/password", Map.of("currentPassword", temporary, "newPassword", chosen)).status())
        .isEqualTo(200);
    assertThat(user.get("/api/me/sessions").status()).isEqualTo(200);
    assertThat(user.get("/api/me").json()).containsEntry("mustChangePassword", false);
  }

  @Test
  void editsNameEmailAndRoleWithBeforeAndAfterInTheAuditLog() {
    ApiClient admin = admin();
    String username = ApiClient.uniqueUsername("edit");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);

    Reply edited =
        admin.patch(
            "/api/admin/users/" + id, Map.of("displayName", "New Name", "email", "new@example.org", "role", "admin"));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json())
        .containsEntry("displayName", "New Name")
        .containsEntry("email", "new@example.org")
        .containsEntry("role", "admin");
    // The old token carries the old role: it ends; a refresh gives one with the new role.
    assertThat(user.get("/api/me").status()).isEqualTo(401);
    assertThat(user.refresh().status()).isEqualTo(200);
    assertThat(user.get("/api/admin/users?size=1").status()).isEqualTo(200);

    assertThat(events(admin, "admin.user_edit", username))
        .anySatisfy(e -> assertThat((String) e.get("details"))
            .contains("role: user -> admin")
            .contains("displayName: User " + username + " -> New Name")
            .contains("email: " + username + "@example.org -> new@example.org"));

    Map<String, Object> bad = new HashMap<>();
    bad.put("email", "not-an-email");
    bad.put("role", "root");
    bad.put("displayName", "x".repeat(200));
    Reply invalid = admin.patch("/api/admin/users/" + id, bad);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body())
        .contains("\"field\":\"email\"")
        .contains("\"field\":\"role\"")
        .contains("\"field\":\"displayName\"");
    assertThat(admin.patch("/api/admin/users/00000000-0000-0000-0000-000000000000", Map.of("role", "user")).status())
        .isEqualTo(404);
  }

  @Test
  void anAdminCannotDemoteOrDisableThemselvesNorTheLastAdmin() {
    String username = ApiClient.uniqueUsername("selfadmin");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "admin");
    ApiClient self = new ApiClient().signIn(username, password);

    Reply demote = self.patch("/api/admin/users/" + id, Map.of("role", "user"));
    assertThat(demote.status()).isEqualTo(409);
    assertThat(demote.header("Content-Type")).contains("application/problem+json");
    Reply disable = self.post("/api/admin/users/" + id + "/disable", null);
    assertThat(disable.status()).isEqualTo(409);
    assertThat(self.get("/api/me").json()).containsEntry("role", "admin").containsEntry("enabled", true);

    // Another admin may demote this one: the workspace keeps at least the bootstrap admin.
    ApiClient admin = admin();
    assertThat(admin.patch("/api/admin/users/" + id, Map.of("role", "user")).status()).isEqualTo(200);
    String bootstrapId = admin.get("/api/me").string("id");
    assertThat(admin.patch("/api/admin/users/" + bootstrapId, Map.of("role", "user")).status()).isEqualTo(409);
    assertThat(admin.post("/api/admin/users/" + bootstrapId + "/disable", null).status()).isEqualTo(409);
  }

  @Test
  void resettingAPasswordEndsTheSessionsAndRequiresAChange() {
    ApiClient admin = admin();
    String username = ApiClient.uniqueUsername("reset");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);

    String temporary = ApiClient.strongPassword();
    Reply reset = admin.post("/api/admin/users/" + id + "/password", Map.of("password", temporary));
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json()).containsEntry("mustChangePassword", true);
    assertThat(user.get("/api/me").status()).isEqualTo(401);
    assertThat(user.refresh().status()).isEqualTo(401);
    assertThat(new ApiClient().login(username, password).status()).isEqualTo(401);

    ApiClient again = new ApiClient().signIn(username, temporary);
    assertThat(again.get("/api/me/sessions").status()).isEqualTo(403);
    assertThat(events(admin, "admin.user_password_reset", username))
        .anySatisfy(e -> assertThat((String) e.get("details")).contains("1 sessions ended"));

    Reply weak = admin.post("/api/admin/users/" + id + "/password", Map.of("password", "password"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("\"field\":\"password\"");
    assertThat(admin.post("/api/admin/users/" + id + "/password", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void disablingEndsEverySessionAndIsAudited() {
    ApiClient admin = admin();
    String username = ApiClient.uniqueUsername("off");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient laptop = new ApiClient().signIn(username, password);
    ApiClient phone = new ApiClient().signIn(username, password);
    assertThat(admin.get("/api/admin/users/" + id + "/sessions").jsonList()).hasSize(2);

    assertThat(admin.post("/api/admin/users/" + id + "/disable", null).json()).containsEntry("enabled", false);
    assertThat(laptop.get("/api/me").status()).isEqualTo(401);
    assertThat(phone.refresh().status()).isEqualTo(401);
    assertThat(admin.get("/api/admin/users/" + id + "/sessions").jsonList()).isEmpty();
    assertThat(events(admin, "admin.user_disable", username))
        .anySatisfy(e -> assertThat(e.get("details")).isEqualTo("enabled true -> false"));
    assertThat(admin.post("/api/admin/users/" + id + "/enable", null).json()).containsEntry("enabled", true);
    assertThat(events(admin, "admin.user_enable", username)).isNotEmpty();
    assertThat(events(admin, "admin.user_create", username))
        .anySatisfy(e -> assertThat((String) e.get("details")).contains("role=user"));
  }
}
