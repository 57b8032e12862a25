package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.auth.UserAccount;

/**
 * The signed-in user as {@code GET /api/me} shows it: never the password hash. Absent values are sent as {@code null}.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "username", "email", "displayName", "role", "enabled", "createdAt", "lastLoginAt", "mustChangePassword",
  "twoFactorEnabled", "twoFactorRequired"
})
public record UserView(
    String id,
    String username,
    String email,
    String displayName,
    String role,
    boolean enabled,
    Instant createdAt,
    Instant lastLoginAt,
    boolean mustChangePassword,
    boolean twoFactorEnabled,
    boolean twoFactorRequired) {

  /** {@code twoFactorRequired}: the settings require a second factor of this user (admins, or everyone). */
  public static UserView from(UserAccount user, boolean twoFactorEnabled, boolean twoFactorRequired) {
    return new UserView(
        user.id(),
        user.username(),
        user.email(),
        user.displayName(),
        user.role().code(),
        user.enabled(),
        user.createdAt(),
        user.lastLoginAt(),
        user.mustChangePassword(),
        twoFactorEnabled,
        twoFactorRequired);
  }
}
