package org.cloudworkspace.mail;

/** An account with its passwords decrypted, for connecting; kept in memory only briefly ({@link OpenAccounts}). */
public record OpenAccount(long id, String ownerId, String displayName, String email, String signature,
    MailServer imap, MailServer smtp) {

  @Override
  public String toString() {
    return "OpenAccount[" + id + " " + email + "]";
  }
}
