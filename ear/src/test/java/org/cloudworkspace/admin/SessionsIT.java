package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Sign-in sessions: users and admins list and end them; an ended session's access tokens stop at once. */
class SessionsIT {

  private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

  private static ApiClient signInWithAgent(String username, String password, String userAgent) {
    ApiClient client = new ApiClient();
    HttpRequest.Builder request =
        client.request("/api/auth/login")
            .header("Content-Type", "application/json")
            .header("User-Agent", userAgent)
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    assertThat(client.send(request).status()).isEqualTo(200);
    return client;
  }

  @Test
  void usersSeeTheirSessionsWithTheCurrentOneMarkedAndEndAnother() {
    String username = ApiClient.uniqueUsername("sessions");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient laptop = signInWithAgent(username, password, FIREFOX);
    ApiClient phone = new ApiClient().signIn(username, password);

    Reply listed = laptop.get("/api/me/sessions");
    assertThat(listed.status()).isEqualTo(200);
    List<Map<String, Object>> sessions = listed.jsonList();
    assertThat(sessions).hasSize(2);
    Map<String, Object> current = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow();
    assertThat(current).containsEntry("device", "Firefox 128 on Linux").containsEntry("address", laptop.address());
    assertThat(current).containsKeys("createdAt", "lastUsedAt", "id");
    String phoneSession =
        sessions.stream().filter(s -> !Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow().get("id").toString();

    assertThat(laptop.delete("/api/me/sessions/" + phoneSession).status()).isEqualTo(204);
    // The phone's access token stops at once (its session ended), and so does its refresh token.
    assertThat(phone.get("/api/me").status()).isEqualTo(401);
    assertThat(phone.refresh().status()).isEqualTo(401);
    assertThat(laptop.get("/api/me").status()).isEqualTo(200);
    assertThat(laptop.get("/api/me/sessions").jsonList()).hasSize(1);
    assertThat(laptop.delete("/api/me/sessions/" + phoneSession).status()).isEqualTo(404);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.get("/api/admin/audit-events?type=auth.session_end&user=" + username).items())
        .anySatisfy(e -> assertThat((String) e.get("details")).contains(phoneSession));
  }

  @Test
  void nobodyEndsAnotherUsersSessionThroughTheirOwnList() {
    String alice = ApiClient.uniqueUsername("alice");
    String bob = ApiClient.uniqueUsername("bob");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(alice, password, "user");
    ApiClient.createUser(bob, password, "user");
    ApiClient aliceClient = new ApiClient().signIn(alice, password);
    ApiClient bobClient = new ApiClient().signIn(bob, password);
    String bobSession = bobClient.get("/api/me/sessions").jsonList().get(0).get("id").toString();
    assertThat(aliceClient.delete("/api/me/sessions/" + bobSession).status()).isEqualTo(404);
    assertThat(bobClient.get("/api/me").status()).isEqualTo(200);
    assertThat(new ApiClient().get("/api/me/sessions").status()).isEqualTo(401);
  }

  @Test
  void adminsListAndEndOneOrAllSessionsOfAUser() {
    String username = ApiClient.uniqueUsername("adminsessions");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient one = new ApiClient().signIn(username, password);
    ApiClient two = new ApiClient().signIn(username, password);
    ApiClient three = new ApiClient().signIn(username, password);
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());

    List<Map<String, Object>> sessions = admin.get("/api/admin/users/" + id + "/sessions").jsonList();
    assertThat(sessions).hasSize(3).allSatisfy(s -> assertThat(s).containsEntry("current", false));
    String oneSession = one.get("/api/me/sessions").jsonList().stream()
        .filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst().orElseThrow().get("id").toString();

    assertThat(admin.delete("/api/admin/users/" + id + "/sessions/" + oneSession).status()).isEqualTo(204);
    assertThat(one.get("/api/me").status()).isEqualTo(401);
    assertThat(two.get("/api/me").status()).isEqualTo(200);
    assertThat(admin.delete("/api/admin/users/" + id + "/sessions/" + oneSession).status()).isEqualTo(404);

    Reply all = admin.delete("/api/admin/users/" + id + "/sessions");
    assertThat(all.status()).isEqualTo(200);
    assertThat(((Number) all.json().get("ended")).intValue()).isEqualTo(2);
    assertThat(two.get("/api/me").status()).isEqualTo(401);
    assertThat(three.refresh().status()).isEqualTo(401);
    assertThat(admin.get("/api/admin/users/" + id + "/sessions").jsonList()).isEmpty();
    assertThat(admin.get("/api/admin/audit-events?type=admin.session_end&user=" + username).items())
        .anySatisfy(e -> assertThat((String) e.get("details")).contains("all sessions: 2 ended"))
        .anySatisfy(e -> assertThat((String) e.get("details")).contains(oneSession));
    assertThat(admin.get("/api/admin/users/00000000-0000-0000-0000-000000000000/sessions").status()).isEqualTo(404);
  }
}
