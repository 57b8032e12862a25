package org.cloudworkspace.admin.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.admin.UserAdministration;
import org.cloudworkspace.auth.AuthSession;
import org.cloudworkspace.auth.DeviceSummary;

/** An open sign-in session in the admins' list of every user's sessions. */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "userId", "username", "device", "userAgent", "address", "createdAt", "lastUsedAt", "expiresAt"
})
public record AdminSessionView(
    String id,
    String userId,
    String username,
    String device,
    String userAgent,
    String address,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt) {

  static AdminSessionView from(UserAdministration.SessionEntry entry) {
    AuthSession session = entry.session();
    return new AdminSessionView(
        session.id(),
        session.userId(),
        entry.username(),
        DeviceSummary.of(session.userAgent()),
        session.userAgent(),
        session.address(),
        session.createdAt(),
        session.lastUsedAt(),
        session.expiresAt());
  }
}
