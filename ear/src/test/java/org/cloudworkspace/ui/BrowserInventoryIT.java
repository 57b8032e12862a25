package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.inventory.InventoryProStandIn;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of the InventoryPro hand-off: frontend/e2e/inventory.test.mjs signs in with Chromium, opens
 * Inventory, clicks "Open InventoryPro" and lands on the stand-in's login page, which has redeemed the ticket.
 */
class BrowserInventoryIT {

  @Test
  void openInventoryProHandsTheSignedInUserOverToInventoryPro() throws Exception {
    BrowserTest.run("inventory.test.mjs", Map.of("INVENTORY_PRO_STANDIN_URL", InventoryProStandIn.shared().url()));
  }
}
