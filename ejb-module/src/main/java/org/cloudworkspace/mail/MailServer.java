package org.cloudworkspace.mail;

/**
 * Where and how to reach one mail server. {@code username} is null for an SMTP server without sign-in; {@code password}
 * is plain text only in memory, on its way to being tested or encrypted.
 */
public record MailServer(String host, int port, MailSecurity security, String username, String password) {

  @Override
  public String toString() {
    return "MailServer[" + host + ":" + port + " " + security + " as " + username + "]";
  }
}
