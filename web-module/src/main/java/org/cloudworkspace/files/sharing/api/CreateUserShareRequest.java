package org.cloudworkspace.files.sharing.api;

import jakarta.validation.constraints.NotNull;

/** Share a file or folder with a user: {@code permission} is {@code read} (default) or {@code read-write}. */
public record CreateUserShareRequest(
    @NotNull(message = "Say which file or folder to share (nodeId).") String nodeId,
    @NotNull(message = "Enter the username of the person to share with.") String username,
    String permission) {}
