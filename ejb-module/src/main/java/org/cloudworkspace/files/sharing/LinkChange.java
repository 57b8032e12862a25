package org.cloudworkspace.files.sharing;

import java.time.Instant;

/**
 * What to change on a link; null fields stay as they are. {@code password} sets a new one, {@code removePassword}
 * removes it; {@code expiresAt} sets a new end, {@code removeExpiry} removes it.
 */
public record LinkChange(String permission, String password, boolean removePassword, Instant expiresAt,
    boolean removeExpiry) {}
