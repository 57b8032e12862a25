package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.auth.AuthSession;
import org.cloudworkspace.auth.DeviceSummary;

/** One open sign-in session as its owner and admins see it; {@code current} marks the caller's own session. */
@JsonbNillable
@JsonbPropertyOrder({"id", "device", "userAgent", "address", "createdAt", "lastUsedAt", "expiresAt", "current"})
public record SessionView(
    String id,
    String device,
    String userAgent,
    String address,
    Instant createdAt,
    Instant lastUsedAt,
    Instant expiresAt,
    boolean current) {

  public static SessionView from(AuthSession session, String currentSessionId) {
    return new SessionView(
        session.id(),
        DeviceSummary.of(session.userAgent()),
        session.userAgent(),
        session.address(),
        session.createdAt(),
        session.lastUsedAt(),
        session.expiresAt(),
        session.id().equals(currentSessionId));
  }
}
