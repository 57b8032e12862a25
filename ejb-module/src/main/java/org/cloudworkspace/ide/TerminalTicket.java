package org.cloudworkspace.ide;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time ticket for a browser's terminal WebSocket, stored as its SHA-256. */
@Entity
@Table(name = "ide_terminal_ticket")
public class TerminalTicket {

  @Id
  @Column(name = "ticket_hash")
  private String ticketHash;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "workspace_id", nullable = false)
  private String workspaceId;

  @Column(name = "terminal_id", nullable = false)
  private String terminalId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected TerminalTicket() {}

  TerminalTicket(String ticketHash, String userId, String workspaceId, String terminalId, Instant now, Instant expires) {
    this.ticketHash = ticketHash;
    this.userId = userId;
    this.workspaceId = workspaceId;
    this.terminalId = terminalId;
    this.issuedAt = now;
    this.expiresAt = expires;
  }

  public String userId() {
    return userId;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String terminalId() {
    return terminalId;
  }
}
