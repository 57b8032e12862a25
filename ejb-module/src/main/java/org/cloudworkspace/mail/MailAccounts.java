package org.cloudworkspace.mail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Stores mail accounts; every read checks the owner. Passwords go in and out only through {@link MailCredentials}. */
@Stateless
public class MailAccounts {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject MailCredentials credentials;

  public List<MailAccount> of(String ownerId) {
    return em.createQuery("SELECT a FROM MailAccount a WHERE a.ownerId = :owner ORDER BY a.id", MailAccount.class)
        .setParameter("owner", ownerId)
        .getResultList();
  }

  /** The account if it is the owner's: 404 when there is none, 403 when it is someone else's. */
  public MailAccount require(String ownerId, long id) {
    MailAccount account = em.find(MailAccount.class, id);
    if (account == null) {
      throw new MailAccountNotFoundException(id);
    }
    if (!account.ownerId().equals(ownerId)) {
      throw new MailAccountNotFoundException(id, true);
    }
    return account;
  }

  /** The account with its passwords decrypted. */
  public OpenAccount open(String ownerId, long id) {
    return open(require(ownerId, id));
  }

  public OpenAccount open(MailAccount a) {
    String imapPassword = credentials.open(a.imapPasswordSealed(), MailCredentials.IMAP);
    String smtpPassword = a.smtpAuth() ? credentials.open(a.smtpPasswordSealed(), MailCredentials.SMTP) : null;
    return new OpenAccount(a.id(), a.ownerId(), a.displayName(), a.email(), a.signature(),
        new MailServer(a.imapHost(), a.imapPort(), a.imapSecurity(), a.imapUsername(), imapPassword),
        new MailServer(a.smtpHost(), a.smtpPort(), a.smtpSecurity(), a.smtpUsername(), smtpPassword));
  }

  public MailAccount create(String ownerId, MailAccountDraft draft) {
    MailAccount account = new MailAccount(ownerId, draft,
        credentials.seal(draft.imap().password(), MailCredentials.IMAP),
        credentials.seal(draft.smtp().password(), MailCredentials.SMTP), Instant.now());
    em.persist(account);
    em.flush();
    return account;
  }

  public MailAccount update(String ownerId, long id, MailAccountDraft draft) {
    MailAccount account = require(ownerId, id);
    account.apply(draft, credentials.seal(draft.imap().password(), MailCredentials.IMAP),
        credentials.seal(draft.smtp().password(), MailCredentials.SMTP), Instant.now());
    return account;
  }

  public void delete(String ownerId, long id) {
    em.remove(require(ownerId, id));
  }

  /** Ids of every account (for key rotation). */
  public List<Long> allIds() {
    return em.createQuery("SELECT a.id FROM MailAccount a ORDER BY a.id", Long.class).getResultList();
  }

  /**
   * Re-encrypts one account's passwords under the current key if an older key sealed them. Returns true when it
   * changed the row; throws {@link MailCredentials.CredentialsUnreadableException} when no configured key opens them.
   */
  public boolean reseal(long id) {
    MailAccount a = em.find(MailAccount.class, id);
    if (a == null) {
      return false;
    }
    boolean current = credentials.sealedWithCurrentKey(a.imapPasswordSealed(), MailCredentials.IMAP)
        && credentials.sealedWithCurrentKey(a.smtpPasswordSealed(), MailCredentials.SMTP);
    if (current) {
      return false;
    }
    String imap = credentials.open(a.imapPasswordSealed(), MailCredentials.IMAP);
    String smtp = credentials.open(a.smtpPasswordSealed(), MailCredentials.SMTP);
    a.reseal(credentials.seal(imap, MailCredentials.IMAP), credentials.seal(smtp, MailCredentials.SMTP));
    return true;
  }
}
