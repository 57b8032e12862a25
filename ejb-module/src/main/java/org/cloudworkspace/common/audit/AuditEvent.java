package org.cloudworkspace.common.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security-relevant event. Holds no password, token or secret. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "event_type", nullable = false)
  private String type;

  @Column(nullable = false)
  private String outcome;

  @Column(name = "actor_id")
  private String actorId;

  @Column(name = "actor_name")
  private String actorName;

  private String target;

  @Column(name = "ip_address")
  private String address;

  private String details;

  protected AuditEvent() {}

  AuditEvent(
      Instant occurredAt,
      AuditType type,
      AuditOutcome outcome,
      String actorId,
      String actorName,
      String target,
      String address,
      String details) {
    this.occurredAt = occurredAt;
    this.type = type.code();
    this.outcome = outcome.name().toLowerCase(java.util.Locale.ROOT);
    this.actorId = actorId;
    this.actorName = clip(actorName, 64);
    this.target = clip(target, 255);
    this.address = clip(address, 64);
    this.details = clip(details, 2000);
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String type() {
    return type;
  }

  public String outcome() {
    return outcome;
  }

  public String actorId() {
    return actorId;
  }

  public String actorName() {
    return actorName;
  }

  public String target() {
    return target;
  }

  public String address() {
    return address;
  }

  public String details() {
    return details;
  }
}
