package org.cloudworkspace.mail;

import java.util.List;

/**
 * A message being written: recipients as the user typed them (each "Name &lt;address&gt;" or an address), subject,
 * plain text, and attachments from uploads, from the user's Files, or (when forwarding) from the original message.
 * {@code inReplyTo} names the message answered (threading headers, \Answered flag); {@code forwardOf} the message
 * forwarded (its attachments come along); {@code draftUid} the draft this one replaces.
 */
public record Composition(
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String text,
    MessageRef inReplyTo,
    MessageRef forwardOf,
    List<String> uploadIds,
    List<String> fileIds,
    Long draftUid) {

  /** A message of the same account. */
  public record MessageRef(String folder, long uid) {}

  public Composition {
    to = to == null ? List.of() : List.copyOf(to);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    uploadIds = uploadIds == null ? List.of() : List.copyOf(uploadIds);
    fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
  }
}
