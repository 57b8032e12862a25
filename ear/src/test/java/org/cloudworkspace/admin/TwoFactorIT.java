package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.cloudworkspace.it.TotpCodes;
import org.junit.jupiter.api.Test;

/** Two-factor sign-in with TOTP: enrolment, the two-step sign-in, single-use codes, recovery codes, resets, policy. */
class TwoFactorIT {

  /** A user with a confirmed second factor: its secret and recovery codes. */
  record Enrolled(String id, String username, String password, String secret, List<String> recoveryCodes) {}

  @SuppressWarnings("unchecked")
  private static Enrolled enrolledUser() {
    String username = ApiClient.uniqueUsername("totp");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient client = new ApiClient().signIn(username, password);
    Reply enrol = client.post("/api/me/2fa/enrol", null);
    assertThat(enrol.status()).isEqualTo(200);
    String secret = enrol.string("secret");
    assertThat(enrol.string("otpauthUri")).startsWith("otpauth://totp/").contains("secret=" + secret)
        .contains(username);
    assertThat(enrol.string("qrCode")).startsWith("data:image/svg+xml;base64,");
    assertThat(client.get("/api/me/2fa").json()).containsEntry("pending", true).containsEntry("enabled", false);

    assertThat(client.post("/api/me/2fa/confirm", Map.of("code", "000000")).status()).isEqualTo(400);
    Reply confirmed =
        client.post("/api/me/2fa/confirm", Map.of("code", TotpCodes.code(secret, TotpCodes.currentStep())));
    assertThat(confirmed.status()).isEqualTo(200);
    List<String> codes = (List<String>) confirmed.json().get("recoveryCodes");
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    assertThat(client.get("/api/me").json()).containsEntry("twoFactorEnabled", true);
    assertThat(((Number) client.get("/api/me/2fa").json().get("recoveryCodesLeft")).intValue()).isEqualTo(10);
    assertThat(client.post("/api/me/2fa/enrol", null).status()).isEqualTo(409);
    return new Enrolled(id, username, password, secret, codes);
  }

  private static Reply firstStep(ApiClient client, Enrolled user) {
    Reply reply = client.login(user.username(), user.password());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).containsEntry("mfaRequired", true).doesNotContainKey("accessToken");
    assertThat(reply.headers("Set-Cookie")).noneMatch(c -> c.startsWith("cw_refresh="));
    return reply;
  }

  private static Reply secondStep(ApiClient client, String mfaToken, String code) {
    return client.post("/api/auth/login/mfa", Map.of("mfaToken", mfaToken, "code", code));
  }

  @Test
  void signInAsksForTheCodeAndACodeWorksOnlyOnce() {
    Enrolled user = enrolledUser();
    // The confirmation used the current step; the next step's code is within the accepted drift.
    String code = TotpCodes.code(user.secret(), TotpCodes.currentStep() + 1);

    ApiClient client = new ApiClient();
    String mfaToken = firstStep(client, user).string("mfaToken");
    ApiClient misuse = new ApiClient();
    misuse.accessToken(mfaToken);
    assertThat(misuse.get("/api/me").status()).isEqualTo(401);

    Reply done = secondStep(client, mfaToken, code);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.string("accessToken")).isNotBlank();
    assertThat(client.refreshCookie()).isNotNull();
    assertThat(client.get("/api/me").status()).isEqualTo(200);

    // The same token again, and the same code in a new sign-in: both refused.
    assertThat(secondStep(new ApiClient(), mfaToken, code).status()).isEqualTo(401);
    ApiClient replay = new ApiClient();
    Reply reused = secondStep(replay, firstStep(replay, user).string("mfaToken"), code);
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.string("detail")).contains("used already");
    assertThat(secondStep(new ApiClient(), "not-a-token", code).status()).isEqualTo(401);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.get("/api/admin/audit-events?type=auth.sign_in&user=" + user.username() + "&size=20").items())
        .anySatisfy(e -> assertThat(e).containsEntry("outcome", "success").containsEntry("details", "with totp"))
        .anySatisfy(e -> assertThat(e).containsEntry("outcome", "failure")
            .containsEntry("details", "wrong or reused second-factor code"));
    assertThat(admin.get("/api/admin/audit-events?type=auth.2fa_enable&user=" + user.username()).items()).hasSize(1);
  }

  @Test
  void aRecoveryCodeWorksOnceAndWrongCodesAreThrottledLikePasswords() {
    Enrolled user = enrolledUser();
    String recovery = user.recoveryCodes().get(3);
    ApiClient client = new ApiClient();
    assertThat(secondStep(client, firstStep(client, user).string("mfaToken"), recovery.toUpperCase()).status())
        .isEqualTo(200);
    ApiClient again = new ApiClient();
    assertThat(secondStep(again, firstStep(again, user).string("mfaToken"), recovery).status()).isEqualTo(401);

    ApiClient guesser = new ApiClient();
    String token = firstStep(guesser, user).string("mfaToken");
    int status = 0;
    for (int i = 0; i < 6 && status != 429; i++) {
      status = secondStep(guesser, token, String.format("%06d", i)).status();
    }
    assertThat(status).isEqualTo(429);
    assertThat(new ApiClient().login(user.username(), user.password()).status()).isEqualTo(429);
  }

  @Test
  void disablingNeedsPasswordAndCodeAndAnAdminCanResetTheSecondFactor() {
    Enrolled user = enrolledUser();
    ApiClient client = new ApiClient();
    secondStep(client, firstStep(client, user).string("mfaToken"), user.recoveryCodes().get(0));
    assertThat(client.post("/api/me/2fa/disable", Map.of("password", "wrong-password", "code", user.recoveryCodes().get(1)))
        .status()).isEqualTo(401);
    assertThat(client.post("/api/me/2fa/disable", Map.of("password", user.password())).status()).isEqualTo(400);
    assertThat(client.post("/api/me/2fa/disable", Map.of("password", user.password(), "code", user.recoveryCodes().get(1)))
        .status()).isEqualTo(204);
    assertThat(client.get("/api/me").json()).containsEntry("twoFactorEnabled", false);
    assertThat(new ApiClient().login(user.username(), user.password()).json()).containsKey("accessToken");

    Enrolled other = enrolledUser();
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.delete("/api/admin/users/" + other.id() + "/2fa").status()).isEqualTo(204);
    assertThat(admin.delete("/api/admin/users/" + other.id() + "/2fa").status()).isEqualTo(409);
    assertThat(new ApiClient().login(other.username(), other.password()).json()).containsKey("accessToken");
    assertThat(admin.get("/api/admin/audit-events?type=admin.user_2fa_reset&user=" + other.username()).items())
        .anySatisfy(e -> assertThat(e).containsEntry("actorName", TestServers.adminUsername())
            .containsEntry("details", "two-factor sign-in: on -> off"));
    assertThat(admin.get("/api/admin/audit-events?type=auth.2fa_disable&user=" + user.username()).items())
        .anySatisfy(e -> assertThat(e).containsEntry("outcome", "success"))
        .anySatisfy(e -> assertThat(e).containsEntry("outcome", "failure"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void whenTheSettingRequiresItUsersWithoutASecondFactorMayOnlyEnrol() {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    String username = ApiClient.uniqueUsername("mustenrol");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    try {
      assertThat(admin.patch("/api/admin/settings", Map.of("security.require2faForEveryone", true)).status())
          .isEqualTo(200);
      ApiClient user = new ApiClient().signIn(username, password);
      Reply blocked = user.get("/api/me/sessions");
      assertThat(blocked.status()).isEqualTo(403);
      assertThat(blocked.string("detail")).isEqualTo("You must set up two-factor sign-in first");
      assertThat(user.get("/api/me/2fa").json()).containsEntry("required", true);
      String secret = user.post("/api/me/2fa/enrol", null).string("secret");
      assertThat(user.post("/api/me/2fa/confirm", Map.of("code", TotpCodes.code(secret, TotpCodes.currentStep())))
          .status()).isEqualTo(200);
      assertThat(user.refresh().status()).isEqualTo(200);
      assertThat(user.get("/api/me/sessions").status()).isEqualTo(200);
      Reply disable = user.post("/api/me/2fa/disable", Map.of("password", password, "code", "123456"));
      assertThat(disable.status()).isEqualTo(409);
    } finally {
      Map<String, Object> reset = new HashMap<>();
      reset.put("security.require2faForEveryone", null);
      assertThat(admin.patch("/api/admin/settings", reset).status()).isEqualTo(200);
    }
  }
}
