package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IMAP side against GreenMail on loopback (OS-assigned ports), without the application server. */
class MailboxTest {

  private GreenMail greenMail;
  private GreenMailUser user;
  private Mailbox mailbox;
  private ImapPool pool;
  private OpenAccount account;

  static MailSettings settings(String allowedInternal) {
    MailSettings s = new MailSettings();
    s.connectTimeoutSeconds = 3;
    s.readTimeoutSeconds = 5;
    s.poolIdleSeconds = 60;
    s.poolMaxPerAccount = 2;
    s.maxAttachmentBytes = 1024 * 1024;
    s.allowedInternalHosts = allowedInternal;
    return s;
  }

  @BeforeEach
  void start() {
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    greenMail.start();
    user = greenMail.setUser("ada@example.org", "ada", "secret-pw");
    MailSettings settings = settings("127.0.0.1/32");
    pool = ImapPool.of(MailConnector.of(settings), settings);
    mailbox = Mailbox.of(pool, new MessageListCache());
    account = new OpenAccount(1, "u1", "Ada", "ada@example.org", null,
        new MailServer("127.0.0.1", greenMail.getImap().getPort(), MailSecurity.NONE, "ada", "secret-pw"),
        new MailServer("127.0.0.1", greenMail.getSmtp().getPort(), MailSecurity.NONE, null, null));
  }

  @AfterEach
  void stop() {
    pool.closeAll();
    greenMail.stop();
  }

  private MimeMessage plain(String subject, String messageId, String inReplyTo) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    m.setFrom(new InternetAddress("bob@example.net", "Bob"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.org"));
    m.setSubject(subject);
    m.setSentDate(new Date());
    m.setText("Body of " + subject);
    if (inReplyTo != null) {
      m.setHeader("In-Reply-To", inReplyTo);
      m.setHeader("References", inReplyTo);
    }
    m.saveChanges();
    return m;
  }

  @Test
  void pagesAreNewestFirstCachedAndRevalidated() throws Exception {
    for (int i = 1; i <= 30; i++) {
      user.deliver(plain("Message " + i, "<m" + i + "@example.net>", null));
    }
    MessagePage first = mailbox.page(account, "INBOX", 0, 25);
    assertThat(first.total()).isEqualTo(30);
    assertThat(first.cached()).isFalse();
    assertThat(first.items()).hasSize(25);
    assertThat(first.items().get(0).subject()).isEqualTo("Message 30");
    assertThat(first.items().get(0).from().address()).isEqualTo("bob@example.net");
    assertThat(first.items().get(0).seen()).isFalse();
    MessagePage second = mailbox.page(account, "INBOX", 1, 25);
    assertThat(second.items()).extracting(MessageSummary::subject).containsExactly("Message 5", "Message 4",
        "Message 3", "Message 2", "Message 1");

    assertThat(mailbox.page(account, "INBOX", 0, 25).cached()).isTrue();
    user.deliver(plain("Message 31", "<m31@example.net>", null));
    MessagePage after = mailbox.page(account, "INBOX", 0, 25);
    assertThat(after.cached()).isFalse();
    assertThat(after.items().get(0).subject()).isEqualTo("Message 31");
    assertThat(pool.idleCount()).isEqualTo(1);
  }

  @Test
  void aFolderKeptSelectedSeesWhatOtherClientsChange() throws Exception {
    for (int i = 1; i <= 3; i++) {
      user.deliver(plain("Message " + i, "<k" + i + "@example.net>", null));
    }
    assertThat(mailbox.page(account, "INBOX", 0, 10).items()).hasSize(3);
    assertThat(mailbox.page(account, "INBOX", 1, 2).items()).extracting(MessageSummary::subject)
        .containsExactly("Message 1");
    // The listing's connection keeps INBOX selected (read-only): a cached page costs no SELECT.
    assertThat(mailbox.page(account, "INBOX", 0, 10).cached()).isTrue();
    assertThat(pool.idleCount()).isEqualTo(1);
    assertThat(pool.selectedFolders()).containsExactly("INBOX/" + jakarta.mail.Folder.READ_ONLY);

    // Another client flags message 2 (the unread count and UIDNEXT stay the same, so STATUS alone cannot tell),
    // marks message 3 read, and deletes message 1.
    Properties props = new Properties();
    jakarta.mail.Store other = Session.getInstance(props).getStore("imap");
    other.connect("127.0.0.1", greenMail.getImap().getPort(), "ada", "secret-pw");
    try {
      jakarta.mail.Folder inbox = other.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_WRITE);
      inbox.getMessage(2).setFlag(jakarta.mail.Flags.Flag.FLAGGED, true);
      MessagePage afterFlag = mailbox.page(account, "INBOX", 0, 10);
      assertThat(afterFlag.cached()).isFalse();
      assertThat(afterFlag.items()).extracting(MessageSummary::flagged).containsExactly(false, true, false);
      // The report dropped every cached page of the folder, not only the one asked for.
      assertThat(mailbox.page(account, "INBOX", 1, 2).cached()).isFalse();

      inbox.getMessage(3).setFlag(jakarta.mail.Flags.Flag.SEEN, true);
      inbox.getMessage(1).setFlag(jakarta.mail.Flags.Flag.DELETED, true);
      inbox.close(true);
    } finally {
      other.close();
    }
    user.deliver(plain("Message 4", "<k4@example.net>", null));
    MessagePage after = mailbox.page(account, "INBOX", 0, 10);
    assertThat(after.total()).isEqualTo(3);
    assertThat(after.unread()).isEqualTo(2);
    assertThat(after.items()).extracting(MessageSummary::subject).containsExactly("Message 4", "Message 3",
        "Message 2");
    assertThat(after.items()).extracting(MessageSummary::seen).containsExactly(false, true, false);
    assertThat(after.items()).extracting(MessageSummary::flagged).containsExactly(false, false, true);

    // Opening a message (marks it read: the folder is selected read-write now) and listing again share the
    // connection, and the page shows the new state.
    long newest = after.items().get(0).uid();
    assertThat(mailbox.message(account, "INBOX", newest, false, true).subject()).isEqualTo("Message 4");
    MessagePage read = mailbox.page(account, "INBOX", 0, 10);
    assertThat(read.items().get(0).seen()).isTrue();
    assertThat(read.unread()).isEqualTo(1);
    assertThat(pool.idleCount()).isEqualTo(1);
    assertThat(pool.selectedFolders()).containsExactly("INBOX/" + jakarta.mail.Folder.READ_WRITE);

    // Work on other folders unselects it first, on the same connection.
    assertThat(mailbox.folders(account)).extracting(FolderInfo::name).contains("INBOX");
    assertThat(pool.selectedFolders()).isEmpty();
    assertThat(pool.idleCount()).isEqualTo(1);
  }

  @Test
  void aMissingFolderIsNotFoundAndTheConnectionStaysPooled() {
    mailbox.page(account, "INBOX", 0, 10);
    assertThatThrownBy(() -> mailbox.page(account, "Nope", 0, 10)).isInstanceOf(FolderNotFoundException.class);
    assertThat(pool.idleCount()).isEqualTo(1);
    assertThat(mailbox.page(account, "INBOX", 0, 10).total()).isZero();
  }

  @Test
  void aRecentlyUsedConnectionTheServerDroppedIsReplacedWithoutAnError() throws Exception {
    user.deliver(plain("Before", "<before@example.net>", null));
    assertThat(mailbox.page(account, "INBOX", 0, 10).items()).hasSize(1);
    assertThat(pool.idleCount()).isEqualTo(1);
    int imapPort = greenMail.getImap().getPort();
    int smtpPort = greenMail.getSmtp().getPort();
    greenMail.stop();
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    greenMail.start();
    user = greenMail.setUser("ada@example.org", "ada", "secret-pw");
    // Two messages, so that the new server's folder state differs from the cached page's (GreenMail keeps UIDVALIDITY).
    user.deliver(plain("After 1", "<after1@example.net>", null));
    user.deliver(plain("After 2", "<after2@example.net>", null));
    // Used less than ImapPool.VALIDATE_AFTER_MILLIS ago, so taken without a NOOP: its first command fails and the
    // page is read on a new connection.
    assertThat(mailbox.page(account, "INBOX", 0, 10).items()).extracting(MessageSummary::subject)
        .containsExactly("After 2", "After 1");
    assertThat(pool.idleCount()).isEqualTo(1);
  }

  @Test
  void repliesShareTheirThreadAndFlagsAndMovesWork() throws Exception {
    user.deliver(plain("Plan", "<root@example.net>", null));
    user.deliver(plain("Re: Plan", "<reply@example.net>", "<root@example.net>"));
    user.deliver(plain("Other", "<other@example.net>", null));
    List<MessageSummary> items = mailbox.page(account, "INBOX", 0, 10).items();
    assertThat(items.get(1).threadId()).isEqualTo(items.get(2).threadId()).isEqualTo("<root@example.net>");
    assertThat(items.get(0).threadId()).isEqualTo("<other@example.net>");

    long uid = items.get(0).uid();
    mailbox.setFlags(account, "INBOX", List.of(uid), true, true, null);
    MessageSummary flagged = mailbox.page(account, "INBOX", 0, 10).items().get(0);
    assertThat(flagged.seen()).isTrue();
    assertThat(flagged.flagged()).isTrue();

    String trash = mailbox.moveToRole(account, "INBOX", List.of(uid), "trash");
    assertThat(trash).isEqualTo("Trash");
    assertThat(mailbox.page(account, "INBOX", 0, 10).total()).isEqualTo(2);
    assertThat(mailbox.page(account, "Trash", 0, 10).items()).extracting(MessageSummary::subject)
        .containsExactly("Other");
    assertThat(mailbox.folders(account)).extracting(FolderInfo::role).contains("inbox", "trash");

    MessagePage found = mailbox.search(account, "INBOX", new SearchCriteria(null, null, "Plan", null, null, null), 0,
        10);
    assertThat(found.items()).extracting(MessageSummary::subject).containsExactly("Re: Plan", "Plan");
  }

  @Test
  void htmlIsSanitizedWithInlineImagesAndBlockedRemoteImages() throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress("bob@example.net"));
    m.setSubject("Newsletter");
    MimeMultipart related = new MimeMultipart("related");
    MimeBodyPart html = new MimeBodyPart();
    html.setText("<p onclick=\"x()\">Hello<img src=\"cid:logo@x\"><img src=\"https://tracker.example/p.gif\">"
        + "<script>alert(1)</script></p>", "UTF-8", "html");
    related.addBodyPart(html);
    MimeBodyPart logo = new MimeBodyPart();
    logo.setContent(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
    logo.setHeader("Content-ID", "<logo@x>");
    logo.setDisposition("inline");
    related.addBodyPart(logo);
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart relatedPart = new MimeBodyPart();
    relatedPart.setContent(related);
    mixed.addBodyPart(relatedPart);
    MimeBodyPart pdf = new MimeBodyPart();
    pdf.setContent("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), "application/pdf");
    pdf.setFileName("report.pdf");
    pdf.setDisposition("attachment");
    mixed.addBodyPart(pdf);
    m.setContent(mixed);
    m.saveChanges();
    user.deliver(m);

    MessageSummary summary = mailbox.page(account, "INBOX", 0, 10).items().get(0);
    assertThat(summary.hasAttachments()).isTrue();
    MailMessage read = mailbox.message(account, "INBOX", summary.uid(), false, true);
    assertThat(read.html()).contains("Hello").contains("data:image/png;base64,").doesNotContain("tracker.example",
        "script", "onclick");
    assertThat(read.remoteContentBlocked()).isTrue();
    assertThat(read.attachments()).extracting(AttachmentInfo::name).contains("report.pdf");
    AttachmentInfo report = read.attachments().stream().filter(a -> a.name().equals("report.pdf")).findFirst()
        .orElseThrow();
    String content = mailbox.part(account, "INBOX", summary.uid(), report.part(),
        (name, type, size, in) -> new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    assertThat(content).isEqualTo("%PDF-1.4 test");
    assertThat(mailbox.page(account, "INBOX", 0, 10).items().get(0).seen()).isTrue();

    MailMessage allowed = mailbox.message(account, "INBOX", summary.uid(), true, false);
    assertThat(allowed.html()).contains("https://tracker.example/p.gif");
  }

  @Test
  void malformedMimeIsShownAsWellAsPossible() throws Exception {
    String raw = "From: broken@example.net\r\nSubject: Broken\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
        + "--b1\r\nContent-Type: text/plain; charset=x-unknown-9\r\n\r\nStill readable text\r\n"
        + "--b1\r\nContent-Type: application/octet-stream; name=bad.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + "!!!not base64!!!\r\n";
    user.deliver(new MimeMessage(Session.getInstance(new Properties()),
        new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
    MessageSummary summary = mailbox.page(account, "INBOX", 0, 10).items().get(0);
    MailMessage read = mailbox.message(account, "INBOX", summary.uid(), false, false);
    assertThat(read.subject()).isEqualTo("Broken");
    assertThat(read.text()).contains("Still readable text");
    assertThat(read.attachments()).extracting(AttachmentInfo::name).contains("bad.bin");
  }

  @Test
  void failuresAreToldApart() throws Exception {
    MailConnector connector = MailConnector.of(settings("127.0.0.1/32"));
    int imap = greenMail.getImap().getPort();
    assertThatThrownBy(() -> connector.openImap(new MailServer("127.0.0.1", imap, MailSecurity.NONE, "ada", "bad")))
        .isInstanceOfSatisfying(MailFailure.class,
            e -> assertThat(e.reason()).isEqualTo(MailFailure.Reason.AUTHENTICATION));
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(() -> connector.openImap(new MailServer("127.0.0.1", closed, MailSecurity.NONE, "a", "b")))
        .isInstanceOfSatisfying(MailFailure.class,
            e -> assertThat(e.reason()).isEqualTo(MailFailure.Reason.UNREACHABLE));
    assertThatThrownBy(() -> connector.openImap(new MailServer("127.0.0.1", imap, MailSecurity.TLS, "ada", "x")))
        .isInstanceOfSatisfying(MailFailure.class, e -> assertThat(e.reason()).isEqualTo(MailFailure.Reason.TLS));
    MailConnector strict = MailConnector.of(settings(""));
    assertThatThrownBy(() -> strict.openImap(new MailServer("127.0.0.1", imap, MailSecurity.NONE, "ada", "secret-pw")))
        .isInstanceOfSatisfying(MailFailure.class,
            e -> assertThat(e.reason()).isEqualTo(MailFailure.Reason.ADDRESS_REFUSED));
  }
}
