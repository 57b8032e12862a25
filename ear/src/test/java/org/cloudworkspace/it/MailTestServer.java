package org.cloudworkspace.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The real SMTP and IMAP server of the mail tests: GreenMail in the failsafe JVM on loopback, on the ports the build
 * names (it.mail.smtp.port, it.mail.imap.port); the app under test connects to it. Started once per test JVM.
 */
public final class MailTestServer {

  private static GreenMail greenMail;

  private MailTestServer() {}

  public static synchronized GreenMail greenMail() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup[] {
          new ServerSetup(smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
          new ServerSetup(imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
      greenMail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    }
    return greenMail;
  }

  public static int smtpPort() {
    return Integer.getInteger("it.mail.smtp.port", 19093);
  }

  public static int imapPort() {
    return Integer.getInteger("it.mail.imap.port", 19094);
  }
}
