package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Changing one's password: the policy, the current-password check, and every other session ending. */
class PasswordChangeIT {

  @Test
  void changingThePasswordEndsEverySessionButKeepsThisDeviceSignedIn() {
    String username = ApiClient.uniqueUsername("pwchange");
    String oldPassword = ApiClient.strongPassword();
    ApiClient.createUser(username, oldPassword, "user");
    ApiClient laptop = new ApiClient().signIn(username, oldPassword);
    ApiClient phone = new ApiClient().signIn(username, oldPassword);
    String phoneToken = phone.accessToken();
    String phoneCookie = phone.refreshCookie();
    String laptopOldToken = laptop.accessToken();

    String newPassword = ApiClient.strongPassword();
    Reply changed =
        laptop.post("/api/me/password", Map.of("currentPassword", oldPassword, "newPassword", newPassword));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.string("accessToken")).isNotEqualTo(laptopOldToken);
    assertThat(laptop.get("/api/me").status()).isEqualTo(200);
    assertThat(laptop.refresh().status()).isEqualTo(200);

    phone.accessToken(phoneToken);
    assertThat(phone.get("/api/me").status()).isEqualTo(401);
    phone.refreshCookie(phoneCookie);
    assertThat(phone.refresh().status()).isEqualTo(401);
    ApiClient stale = new ApiClient();
    stale.accessToken(laptopOldToken);
    assertThat(stale.get("/api/me").status()).isEqualTo(401);

    assertThat(new ApiClient().login(username, oldPassword).status()).isEqualTo(401);
    assertThat(new ApiClient().login(username, newPassword).status()).isEqualTo(200);
  }

  @Test
  void policyRefusesShortCommonAndUsernamePasswordsWithFieldErrors() {
    String username = ApiClient.uniqueUsername("policy");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);

    for (String bad : List.of("short", "password123", "qwertyuiop", username)) {
      Reply reply = client.post("/api/me/password", Map.of("currentPassword", password, "newPassword", bad));
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.header("Content-Type")).contains("application/problem+json");
      assertThat(reply.body()).contains("\"field\":\"newPassword\"");
    }
    // 64 characters and more are accepted, with no composition rules.
    String longPassword = "correct horse battery staple ".repeat(4) + "and a few more words";
    assertThat(client.post("/api/me/password", Map.of("currentPassword", password, "newPassword", longPassword)).status())
        .isEqualTo(200);
    assertThat(new ApiClient().login(username, longPassword).status()).isEqualTo(200);
  }

  @Test
  void wrongCurrentPasswordIsRefusedAndNothingChanges() {
    String username = ApiClient.uniqueUsername("wrongcurrent");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);

    Reply reply =
        client.post("/api/me/password", Map.of("currentPassword", "not-my-password", "newPassword", ApiClient.strongPassword()));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.string("detail")).contains("current password");
    assertThat(client.get("/api/me").status()).isEqualTo(200);
    assertThat(new ApiClient().login(username, password).status()).isEqualTo(200);
  }

  @Test
  void adminCreatesUsersOnlyWithPolicyPasswords() {
    ApiClient admin = new ApiClient().signIn(org.cloudworkspace.it.TestServers.adminUsername(),
        org.cloudworkspace.it.TestServers.adminPassword());
    Reply weak = admin.post("/api/admin/users", Map.of("username", ApiClient.uniqueUsername("weak"), "password", "12345678"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("\"field\":\"password\"");
    Reply badName = admin.post("/api/admin/users", Map.of("username", "../etc", "password", ApiClient.strongPassword()));
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body()).contains("\"field\":\"username\"");
  }
}
