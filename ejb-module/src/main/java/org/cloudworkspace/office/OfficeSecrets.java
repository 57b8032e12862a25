package org.cloudworkspace.office;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.crypto.DataEncryption;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * The Document Server's JWT secret as an admin set it, stored AES-GCM encrypted (purpose {@code office-secret});
 * without one, {@code ONLYOFFICE_TOKEN_SECRET} applies. The secret is never returned, logged or audited.
 */
@Stateless
public class OfficeSecrets {

  private static final String PURPOSE = "office-secret";

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject DataEncryption encryption;

  @Inject AuditLog audit;

  /** The admin's secret, if one is set. */
  public Optional<String> stored() {
    OfficeSecret row = em.find(OfficeSecret.class, OfficeSecret.ID);
    return row == null ? Optional.empty() : Optional.of(encryption.decrypt(row.encrypted(), PURPOSE));
  }

  /** Sets the secret (16 to 512 visible characters). */
  public void set(String secret, String adminId, String adminName, ClientInfo client) {
    if (secret == null || !secret.matches("[\\x21-\\x7e]{16,512}")) {
      throw new InvalidInputException(
          "secret", "Use 16 to 512 visible ASCII characters without spaces, the same as the Document Server's.");
    }
    String encrypted = encryption.encrypt(secret, PURPOSE);
    OfficeSecret row = em.find(OfficeSecret.class, OfficeSecret.ID, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (row == null) {
      em.persist(new OfficeSecret(encrypted, adminName, now));
    } else {
      row.replace(encrypted, adminName, now);
    }
    audit.record(AuditType.ADMIN_SETTINGS_CHANGE, AuditOutcome.SUCCESS, adminId, adminName, "office.tokenSecret",
        client, "set the Document Server JWT secret (value not recorded)");
  }

  /** Goes back to {@code ONLYOFFICE_TOKEN_SECRET}. */
  public void clear(String adminId, String adminName, ClientInfo client) {
    OfficeSecret row = em.find(OfficeSecret.class, OfficeSecret.ID, LockModeType.PESSIMISTIC_WRITE);
    if (row != null) {
      em.remove(row);
    }
    audit.record(AuditType.ADMIN_SETTINGS_CHANGE, AuditOutcome.SUCCESS, adminId, adminName, "office.tokenSecret",
        client, "reset the Document Server JWT secret to ONLYOFFICE_TOKEN_SECRET");
  }
}
