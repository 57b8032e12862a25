package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Refresh-token rotation, single use under concurrency, reuse detection and sign-out. */
class RefreshTokenIT {

  private static ApiClient signedInUser() {
    String username = ApiClient.uniqueUsername("refresh");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    return new ApiClient().signIn(username, password);
  }

  @Test
  void refreshRotatesTheCookieAndIssuesAWorkingAccessToken() {
    ApiClient client = signedInUser();
    String firstCookie = client.refreshCookie();
    String firstToken = client.accessToken();

    Reply reply = client.refresh();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(client.refreshCookie()).isNotNull().isNotEqualTo(firstCookie);
    assertThat(client.accessToken()).isNotEqualTo(firstToken);
    assertThat(client.get("/api/me").status()).isEqualTo(200);
    assertThat(client.refresh().status()).isEqualTo(200);
  }

  @Test
  void withoutCookieOrWithGarbageRefreshIs401() {
    ApiClient client = new ApiClient();
    assertThat(client.refresh().status()).isEqualTo(401);
    client.refreshCookie("garbage");
    Reply reply = client.refresh();
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("Content-Type")).contains("application/problem+json");
  }

  @Test
  void reusingAUsedTokenEndsTheWholeFamilyAndIsAudited() {
    ApiClient client = signedInUser();
    String stolen = client.refreshCookie();
    assertThat(client.refresh().status()).isEqualTo(200);
    String current = client.refreshCookie();

    ApiClient thief = new ApiClient();
    thief.refreshCookie(stolen);
    assertThat(thief.refresh().status()).isEqualTo(401);

    // The legitimate holder's newer token belongs to the same family and is dead too.
    client.refreshCookie(current);
    assertThat(client.refresh().status()).isEqualTo(401);

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    List<java.util.Map<String, Object>> events = admin.get("/api/admin/audit-events?type=auth.refresh_reuse&size=500").items();
    assertThat(events).anySatisfy(e -> assertThat(e.get("address")).isEqualTo(thief.address()));
  }

  @Test
  void twoSimultaneousRefreshesWithOneTokenHaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 3; round++) {
      ApiClient client = signedInUser();
      String cookie = client.refreshCookie();
      int parallel = 4;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(parallel);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          results.add(
              pool.submit(
                  () -> {
                    ApiClient racer = new ApiClient();
                    racer.refreshCookie(cookie);
                    start.await();
                    return racer.refresh().status();
                  }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
          statuses.add(result.get());
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(parallel - 1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void logoutEndsTheSessionAndTheOutstandingAccessToken() {
    ApiClient client = signedInUser();
    String cookie = client.refreshCookie();
    String token = client.accessToken();

    Reply logout = client.logout();
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("cw_refresh=").contains("Max-Age=0"));

    client.accessToken(token);
    assertThat(client.get("/api/me").status()).isEqualTo(401);
    client.refreshCookie(cookie);
    assertThat(client.refresh().status()).isEqualTo(401);
  }

  @Test
  void crossSiteOriginIsRefusedOnCookieEndpoints() {
    ApiClient client = signedInUser();
    Reply reply = client.send(client.request("/api/auth/refresh").header("Origin", "https://evil.example")
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(client.refresh().status()).isEqualTo(200);
  }
}
