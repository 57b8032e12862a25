package org.cloudworkspace.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.it.admin.AdminFixtures.admin;
import static org.cloudworkspace.it.admin.AdminFixtures.events;
import static org.cloudworkspace.it.admin.AdminFixtures.user;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.admin.AdminFixtures.User;
import org.junit.jupiter.api.Test;

/**
 * Sessions: admins list every user's open sessions and end any of them; users end their own other sessions at once
 * ("sign out other devices") and keep the current one.
 */
class SessionsAdminIT {

  @Test
  void adminsSeeEveryUsersSessionsAndEndAny() {
    User alice = user("sessa");
    User bob = user("sessb");
    ApiClient aliceClient = alice.signIn();
    ApiClient bobClient = bob.signIn();
    ApiClient admin = admin();

    Reply all = admin.get("/api/admin/sessions?size=500");
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.items()).extracting(s -> s.get("username")).contains(alice.username(), bob.username());

    Reply onlyAlice = admin.get("/api/admin/sessions?search=" + alice.username());
    assertThat(onlyAlice.items()).singleElement().satisfies(s -> {
      assertThat(s).containsEntry("userId", alice.id()).containsEntry("username", alice.username());
      assertThat(s).containsKeys("id", "device", "address", "createdAt", "lastUsedAt", "expiresAt");
      assertThat(s.get("address")).isEqualTo(aliceClient.address());
    });
    assertThat(((Number) onlyAlice.json().get("total")).intValue()).isEqualTo(1);

    String sessionId = (String) onlyAlice.items().get(0).get("id");
    assertThat(admin.delete("/api/admin/users/" + alice.id() + "/sessions/" + sessionId).status()).isEqualTo(204);
    assertThat(aliceClient.get("/api/me").status()).isEqualTo(401);
    assertThat(aliceClient.refresh().status()).isEqualTo(401);
    assertThat(bobClient.get("/api/me").status()).isEqualTo(200);
    assertThat(admin.get("/api/admin/sessions?search=" + alice.username()).items()).isEmpty();
    assertThat(events(admin, "admin.session_end", alice.username())).isNotEmpty();

    // Paging
    Reply page = admin.get("/api/admin/sessions?size=1&page=0");
    assertThat(page.items()).hasSize(1);
    assertThat(((Number) page.json().get("total")).intValue()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theSessionListIsForAdminsOnlyAndChecksItsInput() {
    User plain = user("sessplain");
    assertThat(new ApiClient().get("/api/admin/sessions").status()).isEqualTo(401);
    assertThat(plain.signIn().get("/api/admin/sessions").status()).isEqualTo(403);
    Reply bad = admin().get("/api/admin/sessions?size=0&page=-1&search=" + "x".repeat(101));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"size\"").contains("\"field\":\"page\"").contains("\"field\":\"search\"");
  }

  @Test
  void aUserEndsAllOtherSessionsAndKeepsThisOne() {
    User carol = user("sessc");
    ApiClient laptop = carol.signIn();
    ApiClient phone = carol.signIn();
    ApiClient tablet = carol.signIn();
    assertThat(laptop.get("/api/me/sessions").jsonList()).hasSize(3);

    Reply ended = laptop.delete("/api/me/sessions");
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(((Number) ended.json().get("ended")).intValue()).isEqualTo(2);
    assertThat(phone.get("/api/me").status()).isEqualTo(401);
    assertThat(tablet.refresh().status()).isEqualTo(401);
    List<Map<String, Object>> left = laptop.get("/api/me/sessions").jsonList();
    assertThat(left).singleElement().satisfies(s -> assertThat(s).containsEntry("current", true));
    assertThat(laptop.get("/api/me").status()).isEqualTo(200);
    assertThat(events(admin(), "auth.session_end", carol.username()))
        .anySatisfy(e -> assertThat((String) e.get("details")).contains("all other sessions: 2 ended"));

    assertThat(new ApiClient().delete("/api/me/sessions").status()).isEqualTo(401);
  }
}
