/**
 * The InventoryPro integration: its settings, the one-time single sign-on tickets InventoryPro redeems server to
 * server, and the HMAC request signature both directions use (docs/integrations/inventorypro.md).
 */
package org.cloudworkspace.inventory;
