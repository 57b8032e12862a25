package org.cloudworkspace.common.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.cloudworkspace.common.ClientInfo;

/**
 * Writes audit events in a transaction of their own, so that a failed action that rolls back still leaves its trace.
 */
@Stateless
public class AuditLog {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  /** Records an event; {@code details} must never contain a password, token or secret. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(
      AuditType type,
      AuditOutcome outcome,
      String actorId,
      String actorName,
      String target,
      ClientInfo client,
      String details) {
    em.persist(
        new AuditEvent(
            Instant.now(),
            type,
            outcome,
            actorId,
            actorName,
            target,
            client == null ? null : client.address(),
            details));
  }

  /** The newest events first, optionally of one type and/or one actor. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEvent> newest(String typeCode, String actorId, int offset, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
    if (typeCode != null) {
      jpql.append(" AND e.type = :type");
    }
    if (actorId != null) {
      jpql.append(" AND e.actorId = :actor");
    }
    jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
    var query = em.createQuery(jpql.toString(), AuditEvent.class);
    if (typeCode != null) {
      query.setParameter("type", typeCode);
    }
    if (actorId != null) {
      query.setParameter("actor", actorId);
    }
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }
}
