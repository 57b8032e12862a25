package org.cloudworkspace.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL test app runs without INVENTORY_PRO_URL: every InventoryPro endpoint answers 503 "not configured" and
 * the status tells the SPA to grey out the panel.
 */
class InventoryNotConfiguredIT {

  @Test
  void withoutAnAddressEveryEndpointSaysInventoryProIsNotConfigured() {
    assumeTrue(TestServers.database().equals("postgres"), "only the PostgreSQL app runs without InventoryPro");
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.get("/api/inventory/status").json()).containsEntry("configured", false);
    for (Reply reply :
        new Reply[] {
          admin.post("/api/integrations/inventorypro/sso", null),
          admin.get("/api/inventory/items?q=x"),
          admin.get("/api/inventory/items/IT-1"),
          new ApiClient().postRaw(InventoryProStandIn.REDEEM_PATH, "application/json", "{}")
        }) {
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.string("title")).isEqualTo("InventoryPro is not configured");
    }
  }
}
