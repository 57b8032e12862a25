package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Sign-in, the refresh cookie, wrong passwords and disabled accounts against the running server. */
class SignInIT {

  @Test
  void adminSignsInAndGetsABearerTokenAndAStrictHttpOnlyRefreshCookie() {
    ApiClient client = new ApiClient();
    Reply reply = client.login(TestServers.adminUsername(), TestServers.adminPassword());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.string("tokenType")).isEqualTo("Bearer");
    assertThat(((Number) reply.json().get("expiresIn")).longValue()).isBetween(1L, 900L);
    assertThat(reply.string("accessToken")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(reply.body()).doesNotContain("refresh").doesNotContain("password");

    String cookie = reply.headers("Set-Cookie").stream().filter(c -> c.startsWith("cw_refresh=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/api/auth");
    assertThat(client.refreshCookie()).hasSizeGreaterThanOrEqualTo(43);

    Reply me = client.get("/api/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.string("username")).isEqualTo(TestServers.adminUsername());
    assertThat(me.string("role")).isEqualTo("admin");
    assertThat(me.string("lastLoginAt")).isNotNull();
    // Absent values are present as null, so clients can rely on the shape (the first admin has no email).
    assertThat(me.json()).containsKeys("id", "username", "email", "displayName", "role", "enabled", "createdAt");
    assertThat(me.body()).doesNotContain("argon2").doesNotContain("passwordHash");
  }

  @Test
  void usernameIsCaseInsensitive() {
    ApiClient client = new ApiClient();
    assertThat(client.login(TestServers.adminUsername().toUpperCase(), TestServers.adminPassword()).status())
        .isEqualTo(200);
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    String username = ApiClient.uniqueUsername("same");
    ApiClient.createUser(username, ApiClient.strongPassword(), "user");

    Reply wrongPassword = new ApiClient().login(username, "not-the-password-1");
    Reply unknownUser = new ApiClient().login(ApiClient.uniqueUsername("ghost"), "not-the-password-1");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.header("Content-Type")).contains("application/problem+json");
    Map<String, Object> a = wrongPassword.json();
    Map<String, Object> b = unknownUser.json();
    assertThat(a.get("title")).isEqualTo(b.get("title"));
    assertThat(a.get("detail")).isEqualTo(b.get("detail")).isEqualTo("Wrong username or password.");
    assertThat(a.get("type")).isEqualTo(b.get("type"));
  }

  @Test
  void disabledUserCannotSignInAndLosesTheOpenSessionAtOnce() {
    String username = ApiClient.uniqueUsername("disabled");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);
    assertThat(user.get("/api/me").status()).isEqualTo(200);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply disabled = admin.post("/api/admin/users/" + id + "/disable", null);
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().get("enabled")).isEqualTo(false);

    assertThat(user.get("/api/me").status()).isEqualTo(401);
    assertThat(user.refresh().status()).isEqualTo(401);
    Reply again = new ApiClient().login(username, password);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.string("detail")).contains("disabled");

    assertThat(admin.post("/api/admin/users/" + id + "/enable", null).status()).isEqualTo(200);
    assertThat(new ApiClient().login(username, password).status()).isEqualTo(200);
  }

  @Test
  void signInsAndFailuresAreAudited() {
    String username = ApiClient.uniqueUsername("audited");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient();
    client.login(username, "wrong-password-xyz");
    client.signIn(username, password);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    List<Map<String, Object>> events = admin.get("/api/admin/audit-events?actorId=" + id + "&size=50").items();
    assertThat(events)
        .anySatisfy(e -> {
          assertThat(e.get("type")).isEqualTo("auth.sign_in");
          assertThat(e.get("outcome")).isEqualTo("failure");
          assertThat(e.get("address")).isEqualTo(client.address());
        })
        .anySatisfy(e -> {
          assertThat(e.get("type")).isEqualTo("auth.sign_in");
          assertThat(e.get("outcome")).isEqualTo("success");
        });
    String all = admin.get("/api/admin/audit-events?size=500").body();
    assertThat(all).doesNotContain(password).doesNotContain("wrong-password-xyz").contains("admin.bootstrap");
  }
}
