package org.cloudworkspace.inventory.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A file attached to an InventoryPro item. */
@JsonbNillable
@JsonbPropertyOrder({"id", "filename", "contentType", "size"})
public record AttachmentView(String id, String filename, String contentType, Long size) {}
