package org.cloudworkspace.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.MailTestServer;

/** Mailboxes and accounts on the tests' GreenMail ({@link MailTestServer}). */
final class MailServers {

  private MailServers() {}

  static GreenMail greenMail() {
    return MailTestServer.greenMail();
  }

  static int smtpPort() {
    return MailTestServer.smtpPort();
  }

  static int imapPort() {
    return MailTestServer.imapPort();
  }

  /** A mailbox user on the server with a fresh address. */
  record Mailbox(String email, String password, GreenMailUser user) {}

  static Mailbox newMailbox(String prefix) {
    String email = prefix + "-" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000)
        + "@example.org";
    String password = "pw-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    GreenMailUser user = greenMail().setUser(email, email, password);
    return new Mailbox(email, password, user);
  }

  /** The request body of an account on the test server (no encryption: allowed only in the tests' settings). */
  static Map<String, Object> accountBody(Mailbox box, String imapPassword) {
    Map<String, Object> imap = new HashMap<>(Map.of("host", "127.0.0.1", "port", imapPort(), "security", "none",
        "username", box.email()));
    if (imapPassword != null) {
      imap.put("password", imapPassword);
    }
    Map<String, Object> smtp = Map.of("host", "127.0.0.1", "port", smtpPort(), "security", "none");
    return new HashMap<>(Map.of("displayName", "Ada Tester", "email", box.email(), "imap", imap, "smtp", smtp));
  }

  /** Adds the account through the API; returns its id. */
  static long addAccount(ApiClient client, Mailbox box) {
    ApiClient.Reply reply = client.post("/api/mail/accounts", accountBody(box, box.password()));
    if (reply.status() != 201) {
      throw new AssertionError("Adding a mail account failed: " + reply.status() + " " + reply.body());
    }
    return Math.round(Double.parseDouble(reply.string("id")));
  }

  static MimeMessage message(String from, String to, String subject, String text, String messageId,
      String inReplyTo) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        if (messageId != null) {
          setHeader("Message-ID", messageId);
        } else {
          super.updateMessageID();
        }
      }
    };
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    m.setSubject(subject, "UTF-8");
    m.setSentDate(new Date());
    m.setText(text, "UTF-8");
    if (inReplyTo != null) {
      m.setHeader("In-Reply-To", inReplyTo);
      m.setHeader("References", inReplyTo);
    }
    m.saveChanges();
    return m;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
