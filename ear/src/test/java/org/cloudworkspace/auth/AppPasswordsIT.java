package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.cloudworkspace.it.TotpCodes;
import org.junit.jupiter.api.Test;

/**
 * App passwords: created on the profile (shown once), listed without the secret, used for WebDAV's Basic sign-in
 * (also by two-factor accounts, which cannot use their account password there), revoked at once, audited; and the
 * account-password path of Basic sign-in: throttled, refused after a password change or when the account is disabled.
 */
class AppPasswordsIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** A PROPFIND of the user's WebDAV root with Basic credentials, from {@code address}; answers the status. */
  private static HttpResponse<String> davRoot(String username, String password, String address) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(TestServers.appUrl().resolve(URI.create("/dav/files/" + username + "/")))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Depth", "0")
            .header("X-Forwarded-For", address)
            .method("PROPFIND", HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String address() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "192.0.2." + random.nextInt(1, 255);
  }

  private static int dav(String username, String password) throws Exception {
    return davRoot(username, password, address()).statusCode();
  }

  @Test
  void createListUseAndRevoke() throws Exception {
    String username = ApiClient.uniqueUsername("apppw");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);

    Reply created = client.post("/api/me/app-passwords", Map.of("name", "Laptop (rclone)"));
    assertThat(created.status()).isEqualTo(201);
    String secret = created.string("password");
    String id = created.string("id");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(30);
    assertThat(created.json()).containsEntry("username", username).containsEntry("name", "Laptop (rclone)")
        .containsEntry("webdavPath", "/dav/files/" + username + "/");

    List<Map<String, Object>> list = client.get("/api/me/app-passwords").jsonList();
    assertThat(list).hasSize(1);
    assertThat(list.get(0)).containsEntry("id", id).containsEntry("lastUsedAt", null).doesNotContainKey("password");
    assertThat(client.get("/api/me/app-passwords").body()).doesNotContain(secret);

    assertThat(dav(username, secret)).isEqualTo(207);
    assertThat(client.get("/api/me/app-passwords").jsonList().get(0).get("lastUsedAt")).isNotNull();

    ApiClient stranger = new ApiClient();
    String other = ApiClient.uniqueUsername("apppw");
    ApiClient.createUser(other, password, "user");
    stranger.signIn(other, password);
    assertThat(stranger.delete("/api/me/app-passwords/" + id).status()).isEqualTo(404);
    assertThat(dav(username, secret)).isEqualTo(207);

    assertThat(client.delete("/api/me/app-passwords/" + id).status()).isEqualTo(204);
    assertThat(dav(username, secret)).isEqualTo(401);
    assertThat(client.get("/api/me/app-passwords").jsonList()).isEmpty();

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.get("/api/admin/audit-events?type=auth.app_password_create&user=" + username + "&size=5").items())
        .hasSize(1);
    List<Map<String, Object>> revoked =
        admin.get("/api/admin/audit-events?type=auth.app_password_revoke&user=" + username + "&size=5").items();
    assertThat(revoked).hasSize(1);
    assertThat(revoked.toString()).doesNotContain(secret);
  }

  @Test
  void aRememberedAppPasswordStopsAtOnceWhenRevokedOrTheAccountIsDisabled() throws Exception {
    String username = ApiClient.uniqueUsername("apppwmem");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);
    String address = address();
    Reply first = client.post("/api/me/app-passwords", Map.of("name", "sync"));
    Reply second = client.post("/api/me/app-passwords", Map.of("name", "phone"));
    for (int i = 0; i < 3; i++) {
      assertThat(davRoot(username, first.string("password"), address).statusCode()).isEqualTo(207);
      assertThat(davRoot(username, second.string("password"), address).statusCode()).isEqualTo(207);
    }
    assertThat(davRoot(username, first.string("password") + "x", address).statusCode()).isEqualTo(401);

    assertThat(client.delete("/api/me/app-passwords/" + first.string("id")).status()).isEqualTo(204);
    assertThat(davRoot(username, first.string("password"), address).statusCode()).isEqualTo(401);
    assertThat(davRoot(username, second.string("password"), address).statusCode()).isEqualTo(207);
    assertThat(davRoot(username, second.string("password"), address).statusCode()).isEqualTo(207);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.post("/api/admin/users/" + id + "/disable", null).status()).isEqualTo(200);
    assertThat(davRoot(username, second.string("password"), address).statusCode()).isEqualTo(401);
  }

  @Test
  void endpointsNeedASignInAndAName() {
    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/me/app-passwords").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/me/app-passwords", Map.of("name", "x")).status()).isEqualTo(401);
    String username = ApiClient.uniqueUsername("apppw");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);
    Reply blank = client.post("/api/me/app-passwords", Map.of("name", "  "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(client.post("/api/me/app-passwords", Map.of("name", "x".repeat(101))).status()).isEqualTo(400);
    assertThat(client.delete("/api/me/app-passwords/no-such-id").status()).isEqualTo(404);
  }

  @Test
  void twoFactorAccountsMustUseAnAppPassword() throws Exception {
    String username = ApiClient.uniqueUsername("apppw2fa");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);
    String secret = client.post("/api/me/2fa/enrol", null).string("secret");
    assertThat(client.post("/api/me/2fa/confirm", Map.of("code", TotpCodes.code(secret, TotpCodes.currentStep())))
        .status()).isEqualTo(200);

    HttpResponse<String> refused = davRoot(username, password, address());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("app password");
    String app = client.post("/api/me/app-passwords", Map.of("name", "phone")).string("password");
    assertThat(dav(username, app)).isEqualTo(207);
  }

  @Test
  void accountPasswordStopsAfterAPasswordChangeAndForDisabledAccounts() throws Exception {
    String username = ApiClient.uniqueUsername("apppwacct");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);
    String app = client.post("/api/me/app-passwords", Map.of("name", "desktop")).string("password");
    assertThat(dav(username, password)).isEqualTo(207);
    assertThat(dav(username, password)).as("remembered, still valid").isEqualTo(207);

    String newPassword = ApiClient.strongPassword();
    assertThat(client.post("/api/me/password", Map.of("currentPassword", password, "newPassword", newPassword))
        .status()).isEqualTo(200);
    assertThat(dav(username, password)).isEqualTo(401);
    assertThat(dav(username, newPassword)).isEqualTo(207);
    assertThat(dav(username, app)).as("app passwords are their own credentials").isEqualTo(207);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.post("/api/admin/users/" + id + "/disable", null).status()).isEqualTo(200);
    assertThat(dav(username, newPassword)).isEqualTo(401);
    assertThat(dav(username, app)).isEqualTo(401);
  }

  @Test
  void wrongPasswordsAreThrottledLikeSignIns() throws Exception {
    String username = ApiClient.uniqueUsername("apppwthrottle");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    String address = address();
    for (int i = 0; i < 5; i++) {
      assertThat(davRoot(username, "wrong-" + i, address).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = davRoot(username, password, address);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }
}
