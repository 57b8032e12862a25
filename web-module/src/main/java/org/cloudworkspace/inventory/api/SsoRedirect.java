package org.cloudworkspace.inventory.api;

/** Where to send the browser: InventoryPro's login address with a one-time {@code ticket} and the {@code service}. */
public record SsoRedirect(String redirectUrl) {}
