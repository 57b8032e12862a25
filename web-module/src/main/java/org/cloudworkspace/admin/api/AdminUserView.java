package org.cloudworkspace.admin.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.admin.UserPage;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.files.Usage;

/** A user as admins see it: the account (never the password hash), two-factor state, storage quota and usage. */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "username", "email", "displayName", "role", "enabled", "createdAt", "lastLoginAt", "mustChangePassword",
  "twoFactorEnabled", "quotaBytes", "usedBytes", "defaultQuota"
})
public record AdminUserView(
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
    long quotaBytes,
    long usedBytes,
    boolean defaultQuota) {

  static AdminUserView from(UserPage.Entry entry) {
    UserAccount user = entry.account();
    Usage usage = entry.usage();
    return new AdminUserView(
        user.id(),
        user.username(),
        user.email(),
        user.displayName(),
        user.role().code(),
        user.enabled(),
        user.createdAt(),
        user.lastLoginAt(),
        user.mustChangePassword(),
        entry.twoFactorEnabled(),
        usage.quotaBytes(),
        usage.usedBytes(),
        usage.defaultQuota());
  }
}
