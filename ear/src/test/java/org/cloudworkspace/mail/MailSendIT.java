package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.junit.jupiter.api.Test;

/** Composing through the API: SMTP delivery to GreenMail, Sent, drafts, replies, forwards, refusals. */
class MailSendIT {

  private static ApiClient user() {
    String name = ApiClient.uniqueUsername("send");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(name, password, "user");
    return new ApiClient().signIn(name, password);
  }

  private static String upload(ApiClient client, String name, byte[] bytes) {
    ApiClient.Reply reply = client.send(client.http11("/api/mail/uploads?name=" + name)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.string("id");
  }

  private static MimeMessage received(MailServers.Mailbox box, String subject) throws Exception {
    for (int i = 0; i < 50; i++) {
      MimeMessage[] all = MailServers.greenMail().getReceivedMessagesForDomain(box.email());
      for (MimeMessage m : all) {
        if (subject.equals(m.getSubject())
            && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(box.email()))) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No message " + subject + " for " + box.email());
  }

  private static List<String> attachmentNames(MimeMessage m) throws Exception {
    List<String> names = new java.util.ArrayList<>();
    if (m.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        if (Part.ATTACHMENT.equalsIgnoreCase(mp.getBodyPart(i).getDisposition())) {
          names.add(mp.getBodyPart(i).getFileName());
        }
      }
    }
    return names;
  }

  @Test
  void sendsWithAttachmentsStoresInSentAndRepliesAndForwards() throws Exception {
    ApiClient client = user();
    MailServers.Mailbox me = MailServers.newMailbox("me");
    MailServers.Mailbox friend = MailServers.newMailbox("friend");
    long id = MailServers.addAccount(client, me);
    String base = "/api/mail/accounts/" + id;

    String uploadId = upload(client, "notes.txt", "meeting notes".getBytes(StandardCharsets.UTF_8));
    ApiClient.Reply sent = client.post(base + "/send", Map.of("to", List.of("Friend <" + friend.email() + ">"),
        "subject", "Hello with notes", "text", "See attached.", "uploadIds", List.of(uploadId)));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.string("sentFolder")).isEqualTo("Sent");
    MimeMessage delivered = received(friend, "Hello with notes");
    assertThat(attachmentNames(delivered)).containsExactly("notes.txt");
    assertThat(delivered.getFrom()[0].toString()).contains(me.email());
    assertThat(client.get(base + "/messages?folder=Sent").items()).extracting(i -> i.get("subject"))
        .containsExactly("Hello with notes");

    me.user().deliver(MailServers.message(friend.email(), me.email(), "Question", "Can you help?",
        "<question-" + me.email() + ">", null));
    Map<String, Object> question = client.get(base + "/messages?folder=INBOX").items().get(0);
    long questionUid = ((Number) question.get("uid")).longValue();
    String fileUpload = upload(client, "answer.txt", "the answer".getBytes(StandardCharsets.UTF_8));
    ApiClient.Reply reply = client.post(base + "/send", Map.of("to", List.of(friend.email()), "subject",
        "Re: Question", "text", "Yes.\n\n> Can you help?", "inReplyTo", Map.of("folder", "INBOX", "uid", questionUid),
        "uploadIds", List.of(fileUpload)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    MimeMessage answer = received(friend, "Re: Question");
    assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<question-" + me.email() + ">");
    assertThat(answer.getHeader("References")[0]).contains("<question-" + me.email() + ">");
    assertThat(attachmentNames(answer)).containsExactly("answer.txt");
    assertThat(client.get(base + "/messages?folder=INBOX").items().get(0).get("answered")).isEqualTo(true);

    ApiClient.Reply forward = client.post(base + "/send", Map.of("to", List.of(friend.email()), "subject",
        "Fwd: Hello with notes", "text", "Forwarding.", "forwardOf",
        Map.of("folder", "Sent", "uid", client.get(base + "/messages?folder=Sent").items().stream()
            .filter(i -> "Hello with notes".equals(i.get("subject"))).findFirst().orElseThrow().get("uid"))));
    assertThat(forward.status()).as(forward.body()).isEqualTo(200);
    assertThat(attachmentNames(received(friend, "Fwd: Hello with notes"))).containsExactly("notes.txt");
  }

  @Test
  void draftsAreSavedAndReplaced() {
    ApiClient client = user();
    MailServers.Mailbox me = MailServers.newMailbox("drafter");
    long id = MailServers.addAccount(client, me);
    String base = "/api/mail/accounts/" + id;
    ApiClient.Reply draft = client.post(base + "/drafts", Map.of("to", List.of("x@example.net"), "subject",
        "Unfinished", "text", "first words"));
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    assertThat(draft.string("folder")).isEqualTo("Drafts");
    long uid = Math.round(Double.parseDouble(draft.string("uid")));
    assertThat(uid).isPositive();
    ApiClient.Reply replaced = client.post(base + "/drafts", Map.of("to", List.of("x@example.net"), "subject",
        "Unfinished v2", "text", "more words", "draftUid", uid));
    assertThat(replaced.status()).isEqualTo(201);
    List<Map<String, Object>> drafts = client.get(base + "/messages?folder=Drafts").items();
    assertThat(drafts).extracting(i -> i.get("subject")).containsExactly("Unfinished v2");
    assertThat(drafts.get(0).get("draft")).isEqualTo(true);
  }

  @Test
  void headerInjectionBadAddressesAndOversizedAttachmentsAreRefused() {
    ApiClient client = user();
    MailServers.Mailbox me = MailServers.newMailbox("guard");
    long id = MailServers.addAccount(client, me);
    String base = "/api/mail/accounts/" + id;
    ApiClient.Reply subject = client.post(base + "/send", Map.of("to", List.of("x@example.net"), "subject",
        "Hi\r\nBcc: victim@example.net", "text", "x"));
    assertThat(subject.status()).isEqualTo(400);
    assertThat(subject.body()).contains("header injection");
    ApiClient.Reply address = client.post(base + "/send", Map.of("to", List.of("x@example.net\nBcc: v@example.net"),
        "subject", "Hi", "text", "x"));
    assertThat(address.status()).isEqualTo(400);
    assertThat(client.post(base + "/send", Map.of("to", List.of("not an address"), "subject", "Hi", "text", "x"))
        .status()).isEqualTo(400);
    assertThat(client.post(base + "/send", new HashMap<>(Map.of("subject", "Hi", "text", "x"))).status())
        .isEqualTo(400);

    byte[] big = new byte[1024 * 1024 + 10];
    ApiClient.Reply tooBig = client.send(client.http11("/api/mail/uploads?name=big.bin")
        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(big)));
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.body()).contains("1 MiB");
    String a = upload(client, "a.bin", new byte[700 * 1024]);
    String b = upload(client, "b.bin", new byte[700 * 1024]);
    ApiClient.Reply together = client.post(base + "/send", Map.of("to", List.of("x@example.net"), "subject", "Two",
        "text", "x", "uploadIds", List.of(a, b)));
    assertThat(together.status()).isEqualTo(413);
    assertThat(together.body()).contains("1 MiB");
  }
}
