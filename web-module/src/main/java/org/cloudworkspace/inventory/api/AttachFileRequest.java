package org.cloudworkspace.inventory.api;

import jakarta.validation.constraints.NotBlank;

/** Which of the user's files to attach to an InventoryPro item. */
public record AttachFileRequest(@NotBlank(message = "Choose a file to attach.") String fileId) {}
