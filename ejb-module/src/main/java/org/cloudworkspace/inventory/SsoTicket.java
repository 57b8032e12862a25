package org.cloudworkspace.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A one-time InventoryPro sign-on ticket, stored only as the SHA-256 of its value, bound to one user and one service
 * address, redeemable once before it expires.
 */
@Entity
@Table(name = "inventory_sso_ticket")
public class SsoTicket {

  @Id
  @Column(name = "ticket_hash")
  private String ticketHash;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(nullable = false)
  private String service;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected SsoTicket() {}

  SsoTicket(String ticketHash, String userId, String service, Instant issuedAt, Instant expiresAt) {
    this.ticketHash = Objects.requireNonNull(ticketHash);
    this.userId = Objects.requireNonNull(userId);
    this.service = Objects.requireNonNull(service);
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public String userId() {
    return userId;
  }

  public String service() {
    return service;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  /** Whether the ticket had run out at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether the ticket is bound to this service address (compared in canonical form). */
  public boolean boundTo(String presentedService) {
    return InventorySettings.normalizeService(presentedService).map(service::equals).orElse(false);
  }
}
