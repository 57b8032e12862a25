package org.cloudworkspace.files.sharing.api;

import java.time.Instant;

/**
 * Changes to a link; absent fields stay. {@code password} sets a new one and {@code removePassword: true} removes it
 * (both end every visitor's unlocked session); {@code expiresAt} or {@code removeExpiry: true}.
 */
public record ChangeLinkRequest(
    String permission, String password, Boolean removePassword, Instant expiresAt, Boolean removeExpiry) {}
