package org.cloudworkspace.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.activation.FileDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.WritePreconditions;

/**
 * Composes messages and sends them through the account's SMTP server, then stores them in Sent; saves drafts in
 * Drafts; saves attachments to Files. Header injection is refused: a line break in the subject or an address is an
 * error, never a new header. Attachments together may be at most {@link MailSettings#maxAttachmentBytes()}.
 */
@ApplicationScoped
public class MailSender {

  @Inject MailConnector connector;

  @Inject Mailbox mailbox;

  @Inject MailUploads uploads;

  @Inject MailSettings settings;

  @Inject FileService files;

  /** What sending did: the Message-ID, and the UID in Sent (-1 if the server did not tell or storing failed). */
  public record SendResult(String messageId, String sentFolder, long sentUid, String warning) {}

  /** Sends the message; throws {@link MailFailure} when the SMTP server refuses it (then nothing was sent). */
  public SendResult send(OpenAccount account, FileActor actor, Composition composition) {
    if (composition.to().isEmpty() && composition.cc().isEmpty() && composition.bcc().isEmpty()) {
      throw new DomainException(DomainException.Kind.INVALID_INPUT, "Invalid input", "Add at least one recipient.",
          List.of(new DomainException.FieldError("to", "Add at least one recipient.")));
    }
    Session session = connector.smtpSession(account.smtp());
    MimeMessage message = build(session, account, actor, composition);
    try (Transport transport = connector.openSmtp(account.smtp())) {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      throw MailFailure.classify(e, "smtp", account.smtp().host(), account.smtp().port());
    }
    String warning = null;
    long uid = -1;
    String sentFolder = null;
    try {
      message.setRecipients(Message.RecipientType.BCC, bccOf(composition));
      uid = mailbox.append(account, "sent", message, new Flags(Flags.Flag.SEEN));
      sentFolder = mailbox.specialFolder(account, "sent");
      if (composition.draftUid() != null) {
        mailbox.deleteForever(account, mailbox.specialFolder(account, "drafts"), List.of(composition.draftUid()));
      }
      if (composition.inReplyTo() != null) {
        mailbox.setFlags(account, composition.inReplyTo().folder(), List.of(composition.inReplyTo().uid()), null,
            null, true);
      }
    } catch (RuntimeException | MessagingException e) {
      warning = "The message was sent, but storing it in Sent failed: " + e.getMessage();
    }
    composition.uploadIds().forEach(id -> {
      try {
        uploads.delete(actor.userId(), id);
      } catch (RuntimeException e) {
        // swept later
      }
    });
    try {
      return new SendResult(message.getMessageID(), sentFolder, uid, warning);
    } catch (MessagingException e) {
      return new SendResult(null, sentFolder, uid, warning);
    }
  }

  /** Stores the composition in Drafts (replacing {@code draftUid}); returns the new draft's UID. */
  public long saveDraft(OpenAccount account, FileActor actor, Composition composition) {
    Session session = connector.smtpSession(account.smtp());
    MimeMessage message = build(session, account, actor, composition);
    try {
      message.setRecipients(Message.RecipientType.BCC, bccOf(composition));
    } catch (MessagingException e) {
      throw invalid("bcc", "The Bcc addresses cannot be stored.");
    }
    Flags flags = new Flags(Flags.Flag.DRAFT);
    flags.add(Flags.Flag.SEEN);
    long uid = mailbox.append(account, "drafts", message, flags);
    if (composition.draftUid() != null) {
      mailbox.deleteForever(account, mailbox.specialFolder(account, "drafts"), List.of(composition.draftUid()));
    }
    return uid;
  }

  private InternetAddress[] bccOf(Composition c) {
    return addresses("bcc", c.bcc());
  }

  MimeMessage build(Session session, OpenAccount account, FileActor actor, Composition c) {
    String subject = c.subject() == null ? "" : c.subject();
    if (hasLineBreak(subject)) {
      throw invalid("subject", "The subject cannot contain line breaks (header injection refused).");
    }
    if (subject.length() > 998) {
      throw invalid("subject", "The subject is at most 998 characters.");
    }
    InternetAddress[] to = addresses("to", c.to());
    InternetAddress[] cc = addresses("cc", c.cc());
    addresses("bcc", c.bcc());
    String text = c.text() == null ? "" : c.text();
    if (text.length() > 5_000_000) {
      throw invalid("text", "The text is at most 5,000,000 characters.");
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(account.email(), account.displayName(), "UTF-8"));
      message.setRecipients(Message.RecipientType.TO, to);
      if (cc.length > 0) {
        message.setRecipients(Message.RecipientType.CC, cc);
      }
      message.setSubject(subject, "UTF-8");
      message.setSentDate(new Date());
      if (c.inReplyTo() != null) {
        MailMessage original = mailbox.message(account, c.inReplyTo().folder(), c.inReplyTo().uid(), false, false);
        if (original.messageId() != null) {
          message.setHeader("In-Reply-To", original.messageId());
          List<String> refs = new ArrayList<>(original.references());
          refs.add(original.messageId());
          message.setHeader("References", MimeUtility.fold(12, String.join(" ", refs)));
        }
      }
      List<MimeBodyPart> attachments = attachments(account, actor, c);
      if (attachments.isEmpty()) {
        message.setText(text, "UTF-8");
      } else {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        for (MimeBodyPart part : attachments) {
          mixed.addBodyPart(part);
        }
        message.setContent(mixed);
      }
      message.saveChanges();
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new DomainException(DomainException.Kind.INVALID_INPUT, "Invalid message",
          "The message could not be composed: " + e.getMessage());
    }
  }

  private List<MimeBodyPart> attachments(OpenAccount account, FileActor actor, Composition c)
      throws MessagingException {
    long limit = settings.maxAttachmentBytes();
    long total = 0;
    List<MimeBodyPart> parts = new ArrayList<>();
    for (String id : c.uploadIds()) {
      MailUploads.Upload upload = uploads.get(actor.userId(), id);
      total += upload.size();
      checkLimit(total, limit);
      MimeBodyPart part = new MimeBodyPart();
      FileDataSource source = new FileDataSource(upload.path().toFile()) {
        @Override
        public String getContentType() {
          return upload.contentType();
        }
      };
      part.setDataHandler(new DataHandler(source));
      part.setFileName(encodeName(upload.name()));
      part.setDisposition(Part.ATTACHMENT);
      parts.add(part);
    }
    for (String fileId : c.fileIds()) {
      Download file = files.download(actor, fileId);
      total += file.size();
      checkLimit(total, limit);
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new DownloadSource(file)));
      part.setFileName(encodeName(file.name()));
      part.setDisposition(Part.ATTACHMENT);
      parts.add(part);
    }
    if (c.forwardOf() != null) {
      MimeMessage original = mailbox.copy(account, c.forwardOf().folder(), c.forwardOf().uid());
      List<String> problems = new ArrayList<>();
      for (MimeParts.Leaf leaf : MimeParts.leaves(original, problems)) {
        if (!MimeParts.isAttachment(leaf.part())) {
          continue;
        }
        total += Math.max(0, leaf.part().getSize()) * 3 / 4;
        checkLimit(total, limit);
        MimeBodyPart copy = new MimeBodyPart();
        copy.setDataHandler(leaf.part().getDataHandler());
        copy.setFileName(encodeName(MimeParts.fileName(leaf.part(), leaf.path())));
        copy.setDisposition(Part.ATTACHMENT);
        parts.add(copy);
      }
    }
    return parts;
  }

  private static void checkLimit(long total, long limit) {
    if (total > limit) {
      throw MailUploads.tooLarge(limit);
    }
  }

  private static String encodeName(String name) {
    try {
      return MimeUtility.encodeText(name, "UTF-8", null);
    } catch (UnsupportedEncodingException e) {
      return "attachment";
    }
  }

  static InternetAddress[] addresses(String field, List<String> raw) {
    if (raw.size() > 100) {
      throw invalid(field, "At most 100 addresses.");
    }
    List<InternetAddress> out = new ArrayList<>();
    for (String value : raw) {
      if (value == null || value.isBlank()) {
        continue;
      }
      if (hasLineBreak(value)) {
        throw invalid(field, "An address cannot contain line breaks (header injection refused): " + value.strip());
      }
      try {
        InternetAddress[] parsed = InternetAddress.parse(value.strip(), true);
        for (InternetAddress a : parsed) {
          a.validate();
          if (!a.getAddress().contains("@")) {
            throw new AddressException("no domain", value);
          }
          out.add(a);
        }
      } catch (AddressException e) {
        throw invalid(field, "Not an e-mail address: " + value.strip());
      }
    }
    return out.toArray(InternetAddress[]::new);
  }

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\u0085') >= 0
        || value.indexOf('\u2028') >= 0 || value.indexOf('\0') >= 0;
  }

  private static DomainException invalid(String field, String message) {
    return new DomainException(DomainException.Kind.INVALID_INPUT, "Invalid input", message,
        List.of(new DomainException.FieldError(field, message)));
  }

  /** Saves one part of a message as a file in the user's storage (a free name is chosen when taken). */
  public NodeDetails saveToFiles(OpenAccount account, FileActor actor, String folder, long uid, String part,
      String targetFolderId) {
    return mailbox.part(account, folder, uid, part, (name, type, size, in) -> {
      UploadResult result = files.upload(actor, targetFolderId == null ? "root" : targetFolderId, name, type, in, -1,
          ConflictPolicy.RENAME, WritePreconditions.NONE);
      return result.file();
    });
  }

  /** A file of the user's storage as a mail attachment, streamed when the message is written. */
  private static final class DownloadSource implements DataSource {
    private final Download file;

    DownloadSource(Download file) {
      this.file = file;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return file.content().open(0, file.size());
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      throw new IOException("read-only");
    }

    @Override
    public String getContentType() {
      return file.mimeType() == null ? "application/octet-stream" : file.mimeType();
    }

    @Override
    public String getName() {
      return file.name();
    }
  }
}
