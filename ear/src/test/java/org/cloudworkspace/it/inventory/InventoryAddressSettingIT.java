package org.cloudworkspace.it.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.cloudworkspace.inventory.InventoryProStandIn;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * InventoryPro's address is the run-time setting inventory.url (over INVENTORY_PRO_URL): an admin points it at another
 * InventoryPro and the next API call, the next sign-on ticket and the status check go there, without a restart; taking
 * the setting back to its default returns to the first.
 */
class InventoryAddressSettingIT {

  private static ApiClient admin() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
  }

  private static Reply setAddress(ApiClient admin, String url) {
    String body = url == null ? "{\"inventory.url\":null}" : "{\"inventory.url\":\"" + url + "\"}";
    return admin.send(
        admin.http11("/api/admin/settings")
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Waits (up to 20 s) until a search answers: the first call to an address builds its client, cold. */
  private static void awaitSearch(ApiClient user) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (user.get("/api/inventory/items?q=drill").status() != 200) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("InventoryPro did not answer");
      }
      Thread.sleep(500);
    }
  }

  @AfterEach
  void backToTheDefault() {
    assertThat(setAddress(admin(), null).status()).isEqualTo(200);
  }

  @Test
  @SuppressWarnings("unchecked")
  void changingTheSettingRedirectsApiCallsAndSignOnWithoutARestart() throws InterruptedException {
    InventoryProStandIn first = InventoryProStandIn.shared();
    InventoryProStandIn second = InventoryProStandIn.second();
    String username = ApiClient.uniqueUsername("invurl");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);

    awaitSearch(user);
    int firstBefore = first.apiRequests();
    assertThat(user.get("/api/inventory/items?q=drill").status()).isEqualTo(200);
    assertThat(first.apiRequests()).isGreaterThan(firstBefore);

    ApiClient admin = admin();
    Reply changed = setAddress(admin, second.url() + "/");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat((Map<String, Object>) changed.json().get("values")).containsEntry("inventory.url", second.url());

    int beforeSwitch = second.apiRequests();
    awaitSearch(user);
    assertThat(second.apiRequests()).as("the first search after the change went to the second").isGreaterThan(beforeSwitch);
    int firstNow = first.apiRequests();
    int secondBefore = second.apiRequests();
    Reply search = user.get("/api/inventory/items?q=drill");
    assertThat(search.status()).as(search.body()).isEqualTo(200);
    assertThat(user.get("/api/inventory/items/IT-1").status()).isEqualTo(200);
    assertThat(second.apiRequests()).isEqualTo(secondBefore + 2);
    assertThat(first.apiRequests()).isEqualTo(firstNow);
    assertThat(second.signatureFailures()).isZero();

    // A sign-on ticket is now bound to the second address and sends the browser there.
    Reply sso = user.post("/api/integrations/inventorypro/sso", null);
    assertThat(sso.status()).isEqualTo(200);
    URI redirect = URI.create(sso.string("redirectUrl"));
    assertThat(redirect.toString()).startsWith(second.url() + "/sso/login?ticket=ST-");
    String ticket = InventoryProStandIn.query(redirect.getRawQuery()).get("ticket");
    assertThat(first.redeem(ticket, first.url()).statusCode()).as("wrong service").isEqualTo(400);
    String another = InventoryProStandIn.query(
        URI.create(user.post("/api/integrations/inventorypro/sso", null).string("redirectUrl")).getRawQuery())
        .get("ticket");
    var redeemed = second.redeem(another, second.url());
    assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
    assertThat(redeemed.body()).contains("\"username\":\"" + username + "\"");

    // The status page checks the address in force.
    Map<String, Object> inventory = admin.get("/api/admin/status").json().entrySet().stream()
        .filter(e -> e.getKey().equals("components"))
        .map(e -> (java.util.List<Map<String, Object>>) e.getValue())
        .flatMap(java.util.List::stream)
        .filter(c -> "inventoryPro".equals(c.get("name")))
        .findFirst()
        .orElseThrow();
    assertThat(((Map<?, ?>) inventory.get("data")).get("url").toString()).startsWith(second.url());

    // Back to the default (INVENTORY_PRO_URL): the first InventoryPro again.
    assertThat(setAddress(admin, null).status()).isEqualTo(200);
    awaitSearch(user);
    int firstAgain = first.apiRequests();
    int secondAgain = second.apiRequests();
    assertThat(user.get("/api/inventory/items?q=drill").status()).isEqualTo(200);
    assertThat(first.apiRequests()).isEqualTo(firstAgain + 1);
    assertThat(second.apiRequests()).isEqualTo(secondAgain);
  }
}
