package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.auth.UserAccount;

/** A user as the API shows it: never the password hash. Absent values are sent as {@code null}. */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "username", "email", "displayName", "role", "enabled", "createdAt", "lastLoginAt", "mustChangePassword",
  "twoFactorEnabled"
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
    boolean twoFactorEnabled) {

  public static UserView from(UserAccount user, boolean twoFactorEnabled) {
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
        twoFactorEnabled);
  }
}
