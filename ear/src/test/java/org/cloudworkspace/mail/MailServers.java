package org.cloudworkspace.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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

/**
 * The real SMTP and IMAP server of the mail tests: GreenMail in the failsafe JVM on loopback, on the ports the build
 * names (it.mail.smtp.port, it.mail.imap.port); the app under test connects to it. Started once per test JVM.
 */
final class MailServers {

  private static GreenMail greenMail;

  private MailServers() {}

  static synchronized GreenMail greenMail() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup[] {
          new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
          new ServerSetup(imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
      greenMail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    }
    return greenMail;
  }

  static int smtpPort() {
    return Integer.getInteger("it.mail.smtp.port", 19093);
  }

  static int imapPort() {
    return Integer.getInteger("it.mail.imap.port", 19094);
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
