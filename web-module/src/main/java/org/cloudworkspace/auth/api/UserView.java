package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.auth.UserAccount;

/** A user as the API shows it: never the password hash. Absent values are sent as {@code null}. */
@JsonbNillable
@JsonbPropertyOrder({"id", "username", "email", "displayName", "role", "enabled", "createdAt", "lastLoginAt"})
public record UserView(
    String id,
    String username,
    String email,
    String displayName,
    String role,
    boolean enabled,
    Instant createdAt,
    Instant lastLoginAt) {

  public static UserView from(UserAccount user) {
    return new UserView(
        user.id(),
        user.username(),
        user.email(),
        user.displayName(),
        user.role().code(),
        user.enabled(),
        user.createdAt(),
        user.lastLoginAt());
  }
}
