package org.cloudworkspace.admin.api;

import java.time.Instant;
import org.cloudworkspace.common.audit.AuditEvent;

/** An audit event as admins see it. */
public record AuditEventView(
    long id,
    Instant occurredAt,
    String type,
    String outcome,
    String actorId,
    String actorName,
    String target,
    String address,
    String details) {

  static AuditEventView from(AuditEvent e) {
    return new AuditEventView(
        e.id(), e.occurredAt(), e.type(), e.outcome(), e.actorId(), e.actorName(), e.target(), e.address(), e.details());
  }
}
