package org.cloudworkspace.mail;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;

/**
 * Key rotation of mail passwords: set the new key as {@code MAIL_CREDENTIALS_KEY} and the old one as
 * {@code MAIL_CREDENTIALS_KEY_PREVIOUS}; at start-up (and when an admin asks) every password the old key sealed is
 * re-encrypted under the new one, each account in its own transaction. Afterwards the previous key can be removed.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailCredentialRotation {

  private static final Logger LOG = Logger.getLogger(MailCredentialRotation.class.getName());

  @Inject MailAccounts accounts;

  @Inject MailCredentials credentials;

  @Inject AuditLog audit;

  /** How many accounts were re-encrypted, were already current, or could be opened by neither key. */
  public record Outcome(int reencrypted, int current, int unreadable) {}

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void atStartup() {
    if (!credentials.hasPreviousKey()) {
      return;
    }
    try {
      Outcome outcome = reencryptAll(null, "system", ClientInfo.system());
      LOG.info(() -> "Mail passwords re-encrypted under MAIL_CREDENTIALS_KEY: " + outcome);
    } catch (RuntimeException e) {
      LOG.warning("Re-encrypting mail passwords at start-up failed: " + e);
    }
  }

  /** Re-encrypts every mail password that an older key sealed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Outcome reencryptAll(String actorId, String actorName, ClientInfo client) {
    int changed = 0;
    int current = 0;
    int unreadable = 0;
    for (long id : accounts.allIds()) {
      try {
        if (accounts.reseal(id)) {
          changed++;
        } else {
          current++;
        }
      } catch (MailCredentials.CredentialsUnreadableException e) {
        unreadable++;
      }
    }
    Outcome outcome = new Outcome(changed, current, unreadable);
    audit.record(AuditType.MAIL_CREDENTIALS_REKEY, unreadable == 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
        actorId, actorName, "mail credentials", client,
        changed + " re-encrypted, " + current + " already current, " + unreadable + " unreadable");
    return outcome;
  }
}
