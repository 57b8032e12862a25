package org.cloudworkspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloudworkspace.it.BrowserTest;
import org.cloudworkspace.it.MailTestServer;
import org.junit.jupiter.api.Test;

/**
 * The browser test of mail: frontend/e2e/mail.test.mjs adds an account on the tests' GreenMail through the SPA, reads
 * a message whose remote image stays blocked (the image server here counts requests), replies with an attachment,
 * and finally allows the images. This side checks what reached the image server and what arrived by SMTP.
 */
class BrowserMailIT {

  @Test
  void addAccountReadWithBlockedImagesAndReplyWithAttachment() throws Exception {
    GreenMail greenMail = MailTestServer.greenMail();
    String email = "browser-" + Long.toString(System.nanoTime(), 36) + "@example.org";
    String friend = "friend-" + Long.toString(System.nanoTime(), 36) + "@example.org";
    GreenMailUser user = greenMail.setUser(email, email, "browser-pw-1");
    greenMail.setUser(friend, friend, "friend-pw-1");

    AtomicInteger imageRequests = new AtomicInteger();
    HttpServer images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    images.createContext("/pixel.gif", exchange -> {
      imageRequests.incrementAndGet();
      byte[] gif = java.util.Base64.getDecoder().decode("R0lGODlhAQABAAAAACw=");
      exchange.getResponseHeaders().add("Content-Type", "image/gif");
      exchange.sendResponseHeaders(200, gif.length);
      exchange.getResponseBody().write(gif);
      exchange.close();
    });
    images.start();
    try {
      String subject = "Browser news " + Long.toString(System.nanoTime(), 36);
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
      message.setFrom(new InternetAddress(friend, "Friendly Sender"));
      message.setRecipients(jakarta.mail.Message.RecipientType.TO, email);
      message.setSubject(subject);
      message.setText("<p>Hello from the browser test</p><img alt=\"tracker\" src=\"http://127.0.0.1:"
          + images.getAddress().getPort() + "/pixel.gif\"><script>document.title='pwned'</script>", "UTF-8", "html");
      message.saveChanges();
      user.deliver(message);

      BrowserTest.run("mail.test.mjs", Map.of(
          "MAIL_E2E_EMAIL", email,
          "MAIL_E2E_PASSWORD", "browser-pw-1",
          "MAIL_E2E_IMAP_PORT", Integer.toString(imapPort()),
          "MAIL_E2E_SMTP_PORT", Integer.toString(smtpPort()),
          "MAIL_E2E_SUBJECT", subject));

      MimeMessage reply = null;
      for (MimeMessage m : greenMail.getReceivedMessagesForDomain(friend)) {
        if (("Re: " + subject).equals(m.getSubject())) {
          reply = m;
        }
      }
      assertThat(reply).as("the reply reached the friend by SMTP").isNotNull();
      assertThat(reply.getHeader("In-Reply-To")).isNotNull();
      Multipart parts = (Multipart) reply.getContent();
      boolean attached = false;
      for (int i = 0; i < parts.getCount(); i++) {
        attached |= Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())
            && "notes.txt".equals(parts.getBodyPart(i).getFileName());
      }
      assertThat(attached).as("notes.txt attached").isTrue();
      assertThat(imageRequests.get()).as("the remote image loaded only after it was allowed").isPositive();
    } finally {
      images.stop(0);
    }
  }

  private static int smtpPort() {
    return MailTestServer.smtpPort();
  }

  private static int imapPort() {
    return MailTestServer.imapPort();
  }
}
