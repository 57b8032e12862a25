package org.cloudworkspace.files.sharing.api;

import jakarta.validation.constraints.NotNull;

/** The new permission of a share with a user: {@code read} or {@code read-write}. */
public record ChangeUserShareRequest(
    @NotNull(message = "Send the new permission: read or read-write.") String permission) {}
