package org.cloudworkspace.mail.api;

import org.cloudworkspace.mail.MailAccountDraft;

/** An IMAP or SMTP server in a request; {@code security} is {@code tls}, {@code starttls} or {@code none}. */
public record ServerRequest(String host, Integer port, String security, String username, String password) {

  MailAccountDraft.RawServer raw() {
    return new MailAccountDraft.RawServer(host, port, security, username, password);
  }

  @Override
  public String toString() {
    return "ServerRequest[" + host + ":" + port + "]";
  }
}
