package org.cloudworkspace.files.sharing.api;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A new public link: {@code permission} {@code read} (default) or {@code upload} (folders only), an optional password
 * (checked by the password policy) and an optional expiry (required when the workspace limits link lifetimes).
 */
public record CreateLinkRequest(
    @NotNull(message = "Say which file or folder to share (nodeId).") String nodeId,
    String permission,
    String password,
    Instant expiresAt) {}
