package org.cloudworkspace.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Helpers to walk a MIME tree by part paths ({@code 1}, {@code 2.1}) and read parts leniently. */
final class MimeParts {

  private MimeParts() {}

  /** A leaf of the tree with its path. */
  record Leaf(String path, Part part) {}

  /** Every leaf part in document order (message/rfc822 parts are leaves: attachments). */
  static List<Leaf> leaves(Part root, List<String> problems) {
    List<Leaf> leaves = new ArrayList<>();
    walk(root, "", leaves, problems, 0);
    return leaves;
  }

  private static void walk(Part part, String path, List<Leaf> out, List<String> problems, int depth) {
    try {
      if (depth < 20 && part.isMimeType("multipart/*")) {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
          for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            walk(child, path.isEmpty() ? Integer.toString(i + 1) : path + "." + (i + 1), out, problems, depth + 1);
          }
          return;
        }
      }
      out.add(new Leaf(path.isEmpty() ? "1" : path, part));
    } catch (MessagingException | IOException | RuntimeException e) {
      problems.add("Part " + (path.isEmpty() ? "1" : path) + " could not be read: " + e.getMessage());
      out.add(new Leaf(path.isEmpty() ? "1" : path, part));
    }
  }

  /** The part at a path, or null. */
  static Part find(Part root, String path) throws MessagingException, IOException {
    if (!path.matches("[1-9][0-9]{0,3}(\\.[1-9][0-9]{0,3}){0,19}")) {
      return null;
    }
    Part current = root;
    String[] steps = path.split("\\.");
    for (int s = 0; s < steps.length; s++) {
      int index = Integer.parseInt(steps[s]);
      if (current.isMimeType("multipart/*") && current.getContent() instanceof Multipart multipart) {
        if (index > multipart.getCount()) {
          return null;
        }
        current = multipart.getBodyPart(index - 1);
      } else if (s == steps.length - 1 && index == 1 && current == root) {
        return root;
      } else {
        return null;
      }
    }
    return current;
  }

  /** The text of a text part, decoded with its charset (unknown charsets and broken encodings read leniently). */
  static String text(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String s) {
        return s;
      }
    } catch (IOException | MessagingException | RuntimeException e) {
      // fall through to a lenient read
    }
    Charset charset = StandardCharsets.UTF_8;
    try {
      String name = new ContentType(part.getContentType()).getParameter("charset");
      if (name != null) {
        charset = Charset.forName(MimeUtility.javaCharset(name));
      }
    } catch (RuntimeException | MessagingException e) {
      charset = StandardCharsets.ISO_8859_1;
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(5 * 1024 * 1024), charset);
    } catch (IOException | MessagingException e) {
      try (InputStream raw = rawStream(part)) {
        return raw == null ? "" : new String(raw.readNBytes(5 * 1024 * 1024), StandardCharsets.ISO_8859_1);
      }
    }
  }

  private static InputStream rawStream(Part part) throws MessagingException {
    if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
      return body.getRawInputStream();
    }
    if (part instanceof jakarta.mail.internet.MimeMessage message) {
      return message.getRawInputStream();
    }
    return null;
  }

  /** Whether the part is an attachment rather than the body: disposition, a file name, or a non-text type. */
  static boolean isAttachment(Part part) {
    try {
      String disposition = part.getDisposition();
      if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
        return true;
      }
      if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
        return false;
      }
      return true;
    } catch (MessagingException e) {
      return true;
    }
  }

  /** The file name of a part, decoded; a name made from the type when it has none. */
  static String fileName(Part part, String path) {
    String name = null;
    try {
      name = part.getFileName();
      if (name != null) {
        name = MimeUtility.decodeText(name);
      }
    } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
      name = null;
    }
    if (name == null || name.isBlank()) {
      String type = baseType(part);
      String ext = switch (type) {
        case "message/rfc822" -> ".eml";
        case "text/plain" -> ".txt";
        case "text/html" -> ".html";
        case "image/png" -> ".png";
        case "image/jpeg" -> ".jpg";
        case "image/gif" -> ".gif";
        case "application/pdf" -> ".pdf";
        default -> ".bin";
      };
      name = "part-" + path + ext;
    }
    return name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
  }

  /** The lower-case type without parameters, {@code application/octet-stream} when unreadable. */
  static String baseType(Part part) {
    try {
      return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException | RuntimeException e) {
      return "application/octet-stream";
    }
  }

  /** The Content-ID without angle brackets, or null. */
  static String contentId(Part part) {
    try {
      String id = part instanceof jakarta.mail.internet.MimePart mime ? mime.getContentID() : null;
      if (id == null) {
        String[] ids = part.getHeader("Content-ID");
        id = ids == null || ids.length == 0 ? null : ids[0];
      }
      if (id == null) {
        return null;
      }
      id = id.strip();
      return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    } catch (MessagingException e) {
      return null;
    }
  }

  static List<MailAddress> addresses(Address[] list) {
    List<MailAddress> out = new ArrayList<>();
    if (list != null) {
      for (Address a : list) {
        if (a instanceof InternetAddress ia) {
          out.add(new MailAddress(ia.getPersonal(), ia.getAddress()));
        } else if (a != null) {
          out.add(new MailAddress(null, a.toString()));
        }
      }
    }
    return out;
  }

  static List<MailAddress> addresses(Message message, Message.RecipientType type) {
    try {
      return addresses(message.getRecipients(type));
    } catch (MessagingException | RuntimeException e) {
      return List.of();
    }
  }

  static String header(Part part, String name) {
    try {
      String[] values = part.getHeader(name);
      return values == null || values.length == 0 ? null : values[0].strip();
    } catch (MessagingException e) {
      return null;
    }
  }

  /** Message-IDs of a References or In-Reply-To header, in order. */
  static List<String> messageIds(String header) {
    List<String> ids = new ArrayList<>();
    if (header == null) {
      return ids;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }

  /** The thread a message belongs to: the first of its References, else In-Reply-To, else its own Message-ID. */
  static String threadId(String references, String inReplyTo, String messageId, long uid) {
    List<String> refs = messageIds(references);
    if (!refs.isEmpty()) {
      return refs.get(0);
    }
    List<String> parent = messageIds(inReplyTo);
    if (!parent.isEmpty()) {
      return parent.get(0);
    }
    return messageId != null ? messageId : "uid:" + uid;
  }
}
