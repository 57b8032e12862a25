package org.cloudworkspace.mail.api;

import java.time.Instant;
import org.cloudworkspace.mail.MailAccount;

/** An account as the API shows it: never with a password. */
public record AccountView(long id, String displayName, String email, ServerView imap, ServerView smtp,
    String signature, Instant createdAt, Instant updatedAt) {

  /** A server without its password. */
  public record ServerView(String host, int port, String security, String username, boolean auth) {}

  static AccountView from(MailAccount a) {
    return new AccountView(a.id(), a.displayName(), a.email(),
        new ServerView(a.imapHost(), a.imapPort(), a.imapSecurity().apiName(), a.imapUsername(), true),
        new ServerView(a.smtpHost(), a.smtpPort(), a.smtpSecurity().apiName(), a.smtpUsername(), a.smtpAuth()),
        a.signature(), a.createdAt(), a.updatedAt());
  }
}
