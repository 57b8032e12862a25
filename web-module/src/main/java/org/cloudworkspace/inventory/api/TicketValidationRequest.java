package org.cloudworkspace.inventory.api;

/** InventoryPro's redemption request: the ticket from the browser and the service address it believes it is. */
public record TicketValidationRequest(String ticket, String service) {}
