package org.cloudworkspace.office;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The Document Server's JWT secret an admin set, encrypted; there is at most one row (id 1). */
@Entity
@Table(name = "office_secret")
public class OfficeSecret {

  static final int ID = 1;

  @Id private int id;

  @Column(name = "secret_encrypted", nullable = false)
  private String encrypted;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  protected OfficeSecret() {}

  OfficeSecret(String encrypted, String updatedBy, Instant now) {
    this.id = ID;
    replace(encrypted, updatedBy, now);
  }

  String encrypted() {
    return encrypted;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  void replace(String newEncrypted, String by, Instant now) {
    this.encrypted = newEncrypted;
    this.updatedBy = by;
    this.updatedAt = now;
  }
}
