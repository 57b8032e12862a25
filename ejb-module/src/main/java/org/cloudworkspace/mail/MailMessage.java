package org.cloudworkspace.mail;

import java.time.Instant;
import java.util.List;

/**
 * An opened message: headers, plain text, HTML sanitized on the server (inline {@code cid:} images embedded as data
 * URLs; remote images removed unless allowed, {@code remoteContentBlocked} telling whether any were), and attachments.
 * {@code problems} lists what could not be read of a malformed message (shown as well as possible instead of failing).
 */
public record MailMessage(
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
    List<AttachmentInfo> attachments,
    long size,
    String threadId,
    List<String> problems) {}
