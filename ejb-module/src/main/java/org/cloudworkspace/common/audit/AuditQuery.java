package org.cloudworkspace.common.audit;

import java.time.Instant;

/**
 * Filters of the audit log; null means "any". {@code user} matches the actor's id or name or the target; {@code from}
 * is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String type, String outcome, String actorId, String user, Instant from, Instant to) {}
