package org.cloudworkspace.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A sender whose remote images a user always allows. */
@Entity
@Table(name = "mail_trusted_sender")
@IdClass(TrustedSender.Key.class)
public class TrustedSender {

  /** Primary key: owner and address. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String ownerId;
    String address;

    public Key() {}

    Key(String ownerId, String address) {
      this.ownerId = ownerId;
      this.address = address;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(ownerId, k.ownerId) && Objects.equals(address, k.address);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ownerId, address);
    }
  }

  @Id
  @Column(name = "owner_id")
  private String ownerId;

  @Id
  @Column(name = "address")
  private String address;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TrustedSender() {}

  TrustedSender(String ownerId, String address, Instant createdAt) {
    this.ownerId = ownerId;
    this.address = address;
    this.createdAt = createdAt;
  }

  public String address() {
    return address;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
