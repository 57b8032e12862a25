package org.cloudworkspace.files.sharing.api;

/**
 * An unlocked link session: send {@code sessionToken} as the {@code X-Share-Session} header (browsers get it as a
 * cookie limited to the link's API path, too); valid for {@code expiresIn} seconds or until the password changes.
 */
public record UnlockView(String sessionToken, long expiresIn) {}
