/**
 * The InventoryPro integration's HTTP side: the single sign-on hand-off and the signed ticket redemption, the Inventory
 * panel's REST resources, and the fault-tolerant MicroProfile Rest Client that calls InventoryPro's signed API
 * (docs/integrations/inventorypro.md).
 */
package org.cloudworkspace.inventory.api;
