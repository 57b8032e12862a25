package org.cloudworkspace.inventory.api;

/** Whether the InventoryPro integration is turned on, so that the SPA can grey out its panel. */
public record InventoryStatusView(boolean configured) {}
