package org.cloudworkspace.common.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
    return search(new AuditQuery(typeCode, null, actorId, null, null, null), offset, limit);
  }

  /** The events matching the filters, newest first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuditEvent> search(AuditQuery filter, int offset, int limit) {
    TypedQuery<AuditEvent> query =
        em.createQuery(
            "SELECT e FROM AuditEvent e" + where(filter) + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
    bind(query, filter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /** How many events match the filters. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long count(AuditQuery filter) {
    TypedQuery<Long> query = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  /** Deletes the events that occurred before a moment; returns how many. */
  public int purgeBefore(Instant cutoff) {
    return em.createQuery("DELETE FROM AuditEvent e WHERE e.occurredAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static String where(AuditQuery f) {
    StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
    if (f.type() != null) {
      jpql.append(" AND e.type = :type");
    }
    if (f.outcome() != null) {
      jpql.append(" AND e.outcome = :outcome");
    }
    if (f.actorId() != null) {
      jpql.append(" AND e.actorId = :actor");
    }
    if (f.user() != null) {
      jpql.append(" AND (e.actorId = :user OR e.actorName = :user OR e.target = :user)");
    }
    if (f.from() != null) {
      jpql.append(" AND e.occurredAt >= :from");
    }
    if (f.to() != null) {
      jpql.append(" AND e.occurredAt < :to");
    }
    return jpql.toString();
  }

  private static void bind(TypedQuery<?> query, AuditQuery f) {
    if (f.type() != null) {
      query.setParameter("type", f.type());
    }
    if (f.outcome() != null) {
      query.setParameter("outcome", f.outcome());
    }
    if (f.actorId() != null) {
      query.setParameter("actor", f.actorId());
    }
    if (f.user() != null) {
      query.setParameter("user", f.user());
    }
    if (f.from() != null) {
      query.setParameter("from", f.from());
    }
    if (f.to() != null) {
      query.setParameter("to", f.to());
    }
  }
}
