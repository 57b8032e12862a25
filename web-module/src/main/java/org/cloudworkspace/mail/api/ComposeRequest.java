package org.cloudworkspace.mail.api;

import java.util.List;
import org.cloudworkspace.mail.Composition;

/**
 * A message to send or keep as draft. {@code inReplyTo}/{@code forwardOf} name a message of the same account
 * ({@code {"folder","uid"}}); attachments are upload ids ({@code POST /api/mail/uploads}) and file ids of the user's
 * Files; {@code draftUid} is the draft this message replaces.
 */
public record ComposeRequest(List<String> to, List<String> cc, List<String> bcc, String subject, String text,
    Composition.MessageRef inReplyTo, Composition.MessageRef forwardOf, List<String> uploadIds, List<String> fileIds,
    Long draftUid) {

  Composition composition() {
    return new Composition(to, cc, bcc, subject, text, inReplyTo, forwardOf, uploadIds, fileIds, draftUid);
  }
}
