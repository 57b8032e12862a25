package org.cloudworkspace.mail;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a message into a {@link MailMessage}: picks the text and HTML bodies, embeds small inline images, lists the
 * attachments from the structure (their bytes are fetched only on download) and sanitizes the HTML. A malformed
 * message is shown as well as possible: unreadable parts are listed in {@code problems}, and a message whose
 * structure cannot be read at all is shown as its raw source.
 */
final class MessageReader {

  static final long MAX_INLINE_IMAGE = 2L * 1024 * 1024;
  static final long MAX_INLINE_TOTAL = 8L * 1024 * 1024;
  private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/gif", "image/jpeg", "image/webp");

  private MessageReader() {}

  static MailMessage read(long accountId, String folder, long uid, Message message, boolean allowRemote) {
    List<String> problems = new ArrayList<>();
    String subject = safe(() -> message.getSubject(), problems, "Subject");
    List<MailAddress> from = safe(() -> MimeParts.addresses(message.getFrom()), problems, "From");
    List<MailAddress> replyTo = safe(() -> MimeParts.addresses(message.getReplyTo()), problems, "Reply-To");
    Instant date = safe(() -> message.getSentDate() == null
        ? (message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant())
        : message.getSentDate().toInstant(), problems, "Date");
    Flags flags = safe(message::getFlags, problems, "flags");
    String messageId = MimeParts.header(message, "Message-ID");
    String inReplyTo = MimeParts.header(message, "In-Reply-To");
    String references = MimeParts.header(message, "References");
    Integer sizeValue = safe(message::getSize, problems, "size");
    long size = sizeValue == null ? -1 : sizeValue;

    String text = null;
    String html = null;
    List<AttachmentInfo> attachments = new ArrayList<>();
    Map<String, String> inline = new HashMap<>();
    long inlineBytes = 0;
    for (MimeParts.Leaf leaf : MimeParts.leaves(message, problems)) {
      Part part = leaf.part();
      String type = MimeParts.baseType(part);
      boolean attachment = MimeParts.isAttachment(part);
      try {
        if (!attachment && "text/plain".equals(type) && text == null) {
          text = MimeParts.text(part);
          continue;
        }
        if (!attachment && "text/html".equals(type) && html == null) {
          html = MimeParts.text(part);
          continue;
        }
        if (!attachment && ("text/plain".equals(type) || "text/html".equals(type))) {
          String more = MimeParts.text(part);
          if ("text/plain".equals(type)) {
            text = text + "\n\n" + more;
          } else {
            html = html + "<hr>" + more;
          }
          continue;
        }
        String contentId = MimeParts.contentId(part);
        long partSize = Math.max(-1, part.getSize());
        boolean isInline = contentId != null && INLINE_TYPES.contains(type)
            && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (isInline && partSize <= MAX_INLINE_IMAGE * 4 / 3 + 1024 && inlineBytes < MAX_INLINE_TOTAL) {
          byte[] bytes;
          try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes((int) MAX_INLINE_IMAGE + 1);
          }
          if (bytes.length <= MAX_INLINE_IMAGE) {
            inlineBytes += bytes.length;
            inline.put(contentId, "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
          }
        }
        attachments.add(new AttachmentInfo(leaf.path(), MimeParts.fileName(part, leaf.path()), type, partSize,
            isInline, contentId));
      } catch (MessagingException | IOException | RuntimeException e) {
        problems.add("Part " + leaf.path() + " (" + type + ") could not be read: " + e.getMessage());
        attachments.add(new AttachmentInfo(leaf.path(), MimeParts.fileName(part, leaf.path()), type, -1, false,
            null));
      }
    }
    if (text == null && html == null && attachments.isEmpty() && !problems.isEmpty()) {
      text = rawSource(message, problems);
    }
    String cleanHtml = null;
    boolean blocked = false;
    if (html != null) {
      MailHtmlSanitizer.Result result = MailHtmlSanitizer.sanitize(html, inline::get, allowRemote);
      cleanHtml = result.html();
      blocked = result.remoteContentBlocked();
    }
    return new MailMessage(
        accountId, folder, uid, subject, from == null ? List.of() : from,
        MimeParts.addresses(message, Message.RecipientType.TO),
        MimeParts.addresses(message, Message.RecipientType.CC),
        replyTo == null ? List.of() : replyTo,
        date, messageId, inReplyTo, MimeParts.messageIds(references),
        flags != null && flags.contains(Flags.Flag.SEEN),
        flags != null && flags.contains(Flags.Flag.FLAGGED),
        flags != null && flags.contains(Flags.Flag.ANSWERED),
        text, cleanHtml, blocked, allowRemote, attachments, size,
        MimeParts.threadId(references, inReplyTo, messageId, uid), problems);
  }

  private static String rawSource(Message message, List<String> problems) {
    try (InputStream in = message instanceof MimeMessage mime ? mime.getRawInputStream() : message.getInputStream()) {
      return new String(in.readNBytes(1024 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException | MessagingException | RuntimeException e) {
      problems.add("The message source could not be read: " + e.getMessage());
      return "";
    }
  }

  @FunctionalInterface
  private interface Reading<T> {
    T read() throws MessagingException;
  }

  private static <T> T safe(Reading<T> reading, List<String> problems, String what) {
    try {
      return reading.read();
    } catch (MessagingException | RuntimeException e) {
      problems.add(what + " could not be read: " + e.getMessage());
      return null;
    }
  }
}
