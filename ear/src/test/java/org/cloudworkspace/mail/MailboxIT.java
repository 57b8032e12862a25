package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cloudworkspace.it.ApiClient;
import org.junit.jupiter.api.Test;

/** Reading and acting on messages of a real IMAP server through the API. */
class MailboxIT {

  private static ApiClient user() {
    String name = ApiClient.uniqueUsername("mbox");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(name, password, "user");
    return new ApiClient().signIn(name, password);
  }

  private static Map<String, Object> find(List<Map<String, Object>> items, String subject) {
    return items.stream().filter(i -> subject.equals(i.get("subject"))).findFirst().orElseThrow();
  }

  private static long uid(Map<String, Object> item) {
    return ((Number) item.get("uid")).longValue();
  }

  @Test
  void foldersPagesThreadsCacheAndUnifiedInbox() throws Exception {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("list");
    for (int i = 1; i <= 12; i++) {
      box.user().deliver(MailServers.message("sender@example.net", box.email(), "Note " + i, "Text " + i,
          "<note" + i + "-" + box.email() + ">", null));
    }
    box.user().deliver(MailServers.message("sender@example.net", box.email(), "Re: Note 1", "Reply",
        "<reply-" + box.email() + ">", "<note1-" + box.email() + ">"));
    long id = MailServers.addAccount(client, box);

    ApiClient.Reply folders = client.get("/api/mail/accounts/" + id + "/folders");
    assertThat(folders.status()).isEqualTo(200);
    Map<String, Object> inbox = folders.jsonList().get(0);
    assertThat(inbox.get("path")).isEqualTo("INBOX");
    assertThat(inbox.get("role")).isEqualTo("inbox");
    assertThat(((Number) inbox.get("unread")).intValue()).isEqualTo(13);

    ApiClient.Reply first = client.get("/api/mail/accounts/" + id + "/messages?folder=INBOX&page=0&size=10");
    assertThat(first.status()).isEqualTo(200);
    List<Map<String, Object>> items = first.items();
    assertThat(items).hasSize(10);
    assertThat(items.get(0).get("subject")).isEqualTo("Re: Note 1");
    assertThat(items.get(0)).containsKeys("uid", "subject", "from", "date", "seen");
    assertThat(items.get(0).get("seen")).isEqualTo(false);
    assertThat(first.json().get("cached")).isEqualTo(false);
    assertThat(((Number) first.json().get("total")).intValue()).isEqualTo(13);
    ApiClient.Reply second = client.get("/api/mail/accounts/" + id + "/messages?folder=INBOX&page=1&size=10");
    assertThat(second.items()).extracting(i -> i.get("subject")).containsExactly("Note 3", "Note 2", "Note 1");
    assertThat(find(second.items(), "Note 1").get("threadId")).isEqualTo(items.get(0).get("threadId"));
    assertThat(client.get("/api/mail/accounts/" + id + "/messages?folder=INBOX&page=0&size=10").json().get("cached"))
        .isEqualTo(true);

    MailServers.Mailbox other = MailServers.newMailbox("list2");
    other.user().deliver(MailServers.message("x@example.net", other.email(), "From the second account", "Hi", null,
        null));
    MailServers.addAccount(client, other);
    ApiClient.Reply unified = client.get("/api/mail/unified?page=0&size=50");
    assertThat(unified.status()).isEqualTo(200);
    assertThat(unified.items()).extracting(i -> i.get("subject")).contains("From the second account", "Note 5");
    assertThat(((Number) unified.json().get("total")).intValue()).isEqualTo(14);

    assertThat(client.get("/api/mail/accounts/" + id + "/messages?folder=Nope").status()).isEqualTo(404);
    assertThat(client.get("/api/mail/accounts/" + id + "/messages?size=1000").status()).isEqualTo(400);
  }

  @Test
  void messageViewSanitizesBlocksRemoteImagesAndServesAttachments() throws Exception {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("view");
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress("news@example.net", "News"));
    m.setRecipients(jakarta.mail.Message.RecipientType.TO, box.email());
    m.setSubject("Weekly news");
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Plain weekly news", "UTF-8");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText("<h1 onmouseover=\"steal()\">Weekly</h1><img src=\"https://tracker.example/pixel.gif\">"
        + "<img src=\"cid:logo@news\"><script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>", "UTF-8", "html");
    MimeMultipart related = new MimeMultipart("related");
    related.addBodyPart(html);
    MimeBodyPart logo = new MimeBodyPart();
    logo.setContent(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2}, "image/png");
    logo.setHeader("Content-ID", "<logo@news>");
    logo.setDisposition("inline");
    related.addBodyPart(logo);
    MimeBodyPart relatedPart = new MimeBodyPart();
    relatedPart.setContent(related);
    alternative.addBodyPart(relatedPart);
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    mixed.addBodyPart(body);
    MimeBodyPart file = new MimeBodyPart();
    file.setContent("col1;col2;1;2".getBytes(StandardCharsets.US_ASCII), "application/octet-stream");
    file.setFileName("data.csv");
    file.setDisposition("attachment");
    mixed.addBodyPart(file);
    m.setContent(mixed);
    m.saveChanges();
    box.user().deliver(m);
    long id = MailServers.addAccount(client, box);
    long uid = uid(client.get("/api/mail/accounts/" + id + "/messages?folder=INBOX&page=0").items().get(0));

    ApiClient.Reply view = client.get("/api/mail/accounts/" + id + "/messages/" + uid + "?folder=INBOX");
    assertThat(view.status()).isEqualTo(200);
    Map<String, Object> message = view.json();
    assertThat(message.get("text")).isEqualTo("Plain weekly news");
    String cleanHtml = (String) message.get("html");
    assertThat(cleanHtml).contains("Weekly").contains("data:image/png;base64,")
        .doesNotContain("tracker.example", "script", "onmouseover", "javascript");
    assertThat(message.get("remoteContentBlocked")).isEqualTo(true);
    Map<String, Object> attachment = MailServers.list(message.get("attachments")).stream()
        .filter(a -> "data.csv".equals(a.get("name"))).findFirst().orElseThrow();
    assertThat(client.get("/api/mail/accounts/" + id + "/messages?folder=INBOX").items().get(0).get("seen"))
        .isEqualTo(true);

    String htmlUrl = (String) message.get("htmlUrl");
    ApiClient.Reply frame = new ApiClient().get(htmlUrl);
    assertThat(frame.status()).isEqualTo(200);
    assertThat(frame.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(frame.headers("Content-Security-Policy")).hasSize(1);
    assertThat(frame.header("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'; img-src data:;")
        .contains("sandbox").contains("frame-ancestors 'self'");
    assertThat(frame.body()).contains("Weekly").doesNotContain("tracker.example", "<script");
    assertThat(new ApiClient().get(htmlUrl.substring(0, htmlUrl.length() - 3) + "abc").status()).isEqualTo(404);

    ApiClient.Reply allowed = client.get("/api/mail/accounts/" + id + "/messages/" + uid
        + "?folder=INBOX&remoteImages=true");
    assertThat((String) allowed.json().get("html")).contains("https://tracker.example/pixel.gif");
    ApiClient.Reply allowedFrame = new ApiClient().get((String) allowed.json().get("htmlUrl"));
    assertThat(allowedFrame.header("Content-Security-Policy").orElseThrow()).contains("img-src data: https: http:");

    ApiClient.BinaryReply download = client.getBytes("/api/mail/accounts/" + id + "/messages/" + uid + "/parts/"
        + attachment.get("part") + "?folder=INBOX", Map.of());
    assertThat(download.status()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.US_ASCII)).isEqualTo("col1;col2;1;2");
    assertThat(download.header("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("data.csv");

    ApiClient.Reply saved = client.post("/api/mail/accounts/" + id + "/messages/" + uid + "/parts/"
        + attachment.get("part") + "/save?folder=INBOX", Map.of());
    assertThat(saved.status()).isEqualTo(201);
    assertThat(saved.string("name")).isEqualTo("data.csv");
    ApiClient.Reply files = client.get("/api/files/folders/root/children");
    assertThat(files.body()).contains("data.csv");

    assertThat(client.post("/api/mail/trusted-senders", Map.of("address", "news@example.net")).status())
        .isEqualTo(201);
    Map<String, Object> trustedView = client.get("/api/mail/accounts/" + id + "/messages/" + uid + "?folder=INBOX")
        .json();
    assertThat(trustedView.get("senderTrusted")).isEqualTo(true);
    assertThat((String) trustedView.get("html")).contains("https://tracker.example/pixel.gif");
  }

  @Test
  void flagsMovesDeleteArchiveAndSearch() throws Exception {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("act");
    box.user().deliver(MailServers.message("alice@example.net", box.email(), "Budget 2027", "numbers inside", null,
        null));
    box.user().deliver(MailServers.message("bob@example.net", box.email(), "Lunch", "pizza on friday", null, null));
    box.user().deliver(MailServers.message("carol@example.net", box.email(), "Old thing", "archive me", null, null));
    long id = MailServers.addAccount(client, box);
    String base = "/api/mail/accounts/" + id;
    List<Map<String, Object>> items = client.get(base + "/messages?folder=INBOX").items();
    long budget = uid(find(items, "Budget 2027"));
    long lunch = uid(find(items, "Lunch"));
    long old = uid(find(items, "Old thing"));

    assertThat(client.patch(base + "/messages/" + budget + "?folder=INBOX", Map.of("flagged", true, "seen", true))
        .status()).isEqualTo(204);
    Map<String, Object> flagged = find(client.get(base + "/messages?folder=INBOX").items(), "Budget 2027");
    assertThat(flagged.get("flagged")).isEqualTo(true);
    assertThat(flagged.get("seen")).isEqualTo(true);

    assertThat(client.get(base + "/messages?folder=INBOX&body=numbers").items()).extracting(i -> i.get("subject"))
        .containsExactly("Budget 2027");
    assertThat(client.get(base + "/messages?folder=INBOX&subject=lunch&since=2000-01-01").items()).hasSize(1);
    assertThat(client.get(base + "/messages?folder=INBOX&since=2999-01-01").items()).isEmpty();
    assertThat(client.get(base + "/messages?folder=INBOX&since=yesterday").status()).isEqualTo(400);

    ApiClient.Reply deleted = client.post(base + "/messages/actions", Map.of("folder", "INBOX", "uids", List.of(lunch),
        "action", "delete"));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.string("folder")).isEqualTo("Trash");
    assertThat(client.get(base + "/messages?folder=Trash").items()).extracting(i -> i.get("subject"))
        .containsExactly("Lunch");
    ApiClient.Reply archived = client.post(base + "/messages/actions", Map.of("folder", "INBOX", "uids", List.of(old),
        "action", "archive"));
    assertThat(archived.string("folder")).isEqualTo("Archive");
    assertThat(client.get(base + "/messages?folder=Archive").items()).extracting(i -> i.get("subject"))
        .containsExactly("Old thing");
    assertThat(client.post(base + "/messages/actions", Map.of("folder", "Archive", "uids", List.of(uid(
        client.get(base + "/messages?folder=Archive").items().get(0))), "action", "move", "target", "INBOX")).status())
        .isEqualTo(200);
    assertThat(client.get(base + "/messages?folder=INBOX").items()).extracting(i -> i.get("subject"))
        .containsExactlyInAnyOrder("Budget 2027", "Old thing");
    assertThat(client.get(base + "/folders").body()).contains("\"role\":\"trash\"").contains("\"role\":\"archive\"");
    assertThat(client.post(base + "/messages/actions", Map.of("folder", "INBOX", "uids", List.of(999999),
        "action", "seen")).status()).isEqualTo(404);
    assertThat(client.post(base + "/messages/actions", Map.of("folder", "INBOX", "uids", List.of(budget),
        "action", "explode")).status()).isEqualTo(400);
  }

  /**
   * Server-side search by each criterion. GreenMail, unlike Dovecot or Cyrus, matches FROM and TO against whole
   * addresses (it turns them into address terms), while RFC 3501 asks for a substring of the header; the API sends the
   * RFC's substring search, so the tests search with whole addresses, which both kinds of server find.
   */
  @Test
  void searchesOnTheServerByFromToSubjectBodyAndDateRange() throws Exception {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("find");
    box.user().deliver(MailServers.message("alice@example.net", box.email(), "Budget 2027", "numbers inside", null,
        null));
    box.user().deliver(MailServers.message("bob@example.net", box.email(), "Lunch", "pizza on friday", null, null));
    // An older message, appended over IMAP so that its internal (received) date is in March 2020.
    MimeMessage old = MailServers.message("carol@example.net", "team@example.org", "Quarterly report",
        "figures for the first quarter", null, null);
    old.setSentDate(java.util.Date.from(java.time.Instant.parse("2020-03-15T10:00:00Z")));
    old.saveChanges();
    jakarta.mail.Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", MailServers.imapPort(), box.email(), box.password());
    try {
      store.getFolder("INBOX").appendMessages(new jakarta.mail.Message[] {old});
    } finally {
      store.close();
    }
    long id = MailServers.addAccount(client, box);
    String base = "/api/mail/accounts/" + id + "/messages?folder=INBOX";

    assertThat(subjects(client, base + "&from=alice@example.net")).containsExactly("Budget 2027");
    assertThat(subjects(client, base + "&from=BOB@example.net")).containsExactly("Lunch");
    assertThat(subjects(client, base + "&to=team@example.org")).containsExactly("Quarterly report");
    assertThat(subjects(client, base + "&to=" + box.email())).containsExactly("Lunch", "Budget 2027");
    assertThat(subjects(client, base + "&subject=QUARTERLY")).containsExactly("Quarterly report");
    assertThat(subjects(client, base + "&body=pizza")).containsExactly("Lunch");
    assertThat(subjects(client, base + "&since=2020-03-01&before=2020-04-01")).containsExactly("Quarterly report");
    assertThat(subjects(client, base + "&since=2020-04-01")).containsExactly("Lunch", "Budget 2027");
    assertThat(subjects(client, base + "&before=2020-03-15")).isEmpty();
    assertThat(subjects(client, base + "&from=bob@example.net&body=pizza&since=2020-01-01"))
        .containsExactly("Lunch");
    assertThat(subjects(client, base + "&from=bob@example.net&subject=Budget")).isEmpty();
    assertThat(subjects(client, base + "&from=nobody@example.net")).isEmpty();

    ApiClient.Reply found = client.get(base + "&to=" + box.email() + "&size=1");
    assertThat(((Number) found.json().get("total")).intValue()).isEqualTo(2);
    assertThat(found.items()).hasSize(1);
    assertThat(client.get(base + "&before=15.03.2020").status()).isEqualTo(400);
    assertThat(client.get(base + "&from=a%0D%0ABcc:%20x@example.net").status()).isEqualTo(400);
  }

  private static List<Object> subjects(ApiClient client, String url) {
    ApiClient.Reply reply = client.get(url);
    assertThat(reply.status()).as(url + ": " + reply.body()).isEqualTo(200);
    return reply.items().stream().map(i -> i.get("subject")).toList();
  }
}
