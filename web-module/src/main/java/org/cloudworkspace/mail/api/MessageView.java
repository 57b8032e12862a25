package org.cloudworkspace.mail.api;

import java.time.Instant;
import java.util.List;
import org.cloudworkspace.mail.AttachmentInfo;
import org.cloudworkspace.mail.MailAddress;
import org.cloudworkspace.mail.MailMessage;

/**
 * An opened message: headers, {@code text}, sanitized {@code html}, attachments, and {@code htmlUrl}: the address of
 * the sandboxed document showing the sanitized HTML, for an iframe (valid for a few minutes).
 */
public record MessageView(
    long accountId,
    String folder,
    long uid,
    String subject,
    List<MailAddress> from,
    List<MailAddress> to,
    List<MailAddress> cc,
    List<MailAddress> replyTo,
    Instant date,
    String messageId,
    String inReplyTo,
    List<String> references,
    boolean seen,
    boolean flagged,
    boolean answered,
    String text,
    String html,
    boolean remoteContentBlocked,
    boolean remoteContentAllowed,
    boolean senderTrusted,
    List<AttachmentInfo> attachments,
    long size,
    String threadId,
    List<String> problems,
    String htmlUrl) {

  static MessageView from(MailMessage m, boolean senderTrusted, String htmlUrl) {
    return new MessageView(m.accountId(), m.folder(), m.uid(), m.subject(), m.from(), m.to(), m.cc(), m.replyTo(),
        m.date(), m.messageId(), m.inReplyTo(), m.references(), m.seen(), m.flagged(), m.answered(), m.text(),
        m.html(), m.remoteContentBlocked(), m.remoteContentAllowed(), senderTrusted, m.attachments(), m.size(),
        m.threadId(), m.problems(), htmlUrl);
  }
}
