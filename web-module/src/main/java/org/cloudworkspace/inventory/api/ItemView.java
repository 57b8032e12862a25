package org.cloudworkspace.inventory.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** An InventoryPro item as InventoryPro sends it and the SPA receives it; unknown members are ignored. */
@JsonbNillable
@JsonbPropertyOrder({"id", "sku", "name", "description", "quantity", "location", "updatedAt", "attachments"})
public record ItemView(
    String id,
    String sku,
    String name,
    String description,
    Long quantity,
    String location,
    String updatedAt,
    List<AttachmentView> attachments) {}
