package org.cloudworkspace.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message as the list shows it, from its envelope, flags and structure (never its body). {@code threadId} is the
 * first Message-ID of its References (else In-Reply-To, else its own), so replies share their thread's id.
 */
public record MessageSummary(
    long accountId,
    String folder,
    long uid,
    String subject,
    MailAddress from,
    List<MailAddress> to,
    Instant date,
    boolean seen,
    boolean flagged,
    boolean answered,
    boolean draft,
    boolean hasAttachments,
    long size,
    String messageId,
    String threadId) {}
