package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * Reading and changing the messages of an account over IMAP, on pooled connections. Lists fetch envelopes, flags,
 * structure and the threading headers only; message bodies are fetched when a message is opened, attachments when
 * they are downloaded (streamed). Pages are cached and revalidated with one STATUS command.
 */
@ApplicationScoped
public class Mailbox {

  /** Roles of special folders and the names looked for when the server does not announce SPECIAL-USE. */
  static final Map<String, List<String>> ROLE_NAMES =
      Map.of(
          "sent", List.of("Sent", "Sent Items", "Sent Messages", "INBOX.Sent"),
          "drafts", List.of("Drafts", "INBOX.Drafts"),
          "trash", List.of("Trash", "Deleted Items", "Deleted Messages", "INBOX.Trash"),
          "archive", List.of("Archive", "Archives", "INBOX.Archive"),
          "junk", List.of("Junk", "Spam", "INBOX.Junk"));

  private static final Map<String, String> SPECIAL_USE =
      Map.of("\\Sent", "sent", "\\Drafts", "drafts", "\\Trash", "trash", "\\Archive", "archive", "\\Junk", "junk");

  @Inject ImapPool pool;

  @Inject MessageListCache cache;

  /** For tests and the benchmark. */
  static Mailbox of(ImapPool pool, MessageListCache cache) {
    Mailbox mailbox = new Mailbox();
    mailbox.pool = pool;
    mailbox.cache = cache;
    return mailbox;
  }

  // ---- Folders

  /** Every folder with its role and counts (one STATUS per folder). */
  public List<FolderInfo> folders(OpenAccount account) {
    return pool.withStore(account.id(), account.imap(), store -> {
      List<FolderInfo> folders = new ArrayList<>();
      for (Folder f : store.getDefaultFolder().list("*")) {
        IMAPFolder folder = (IMAPFolder) f;
        boolean selectable = (folder.getType() & Folder.HOLDS_MESSAGES) != 0;
        int total = 0;
        int unread = 0;
        if (selectable) {
          Status status = status(folder);
          total = Math.max(0, status.total);
          unread = Math.max(0, status.unseen);
        }
        folders.add(new FolderInfo(folder.getFullName(), folder.getName(), folder.getSeparator(),
            roleOf(folder), selectable, total, unread));
      }
      folders.sort(Comparator.comparing((FolderInfo i) -> order(i.role())).thenComparing(FolderInfo::path));
      return folders;
    });
  }

  private static int order(String role) {
    return role == null ? 9 : List.of("inbox", "drafts", "sent", "archive", "junk", "trash").indexOf(role);
  }

  private static String roleOf(IMAPFolder folder) throws MessagingException {
    if ("INBOX".equalsIgnoreCase(folder.getFullName())) {
      return "inbox";
    }
    for (String attribute : folder.getAttributes()) {
      String role = SPECIAL_USE.get(attribute);
      if (role != null) {
        return role;
      }
    }
    for (Map.Entry<String, List<String>> e : ROLE_NAMES.entrySet()) {
      for (String name : e.getValue()) {
        if (name.equalsIgnoreCase(folder.getFullName())) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  /** The folder of a role, created (with its first usual name) when the account has none. */
  static IMAPFolder special(IMAPStore store, String role) throws MessagingException {
    IMAPFolder byName = null;
    for (Folder f : store.getDefaultFolder().list("*")) {
      IMAPFolder folder = (IMAPFolder) f;
      for (String attribute : folder.getAttributes()) {
        if (role.equals(SPECIAL_USE.get(attribute))) {
          return folder;
        }
      }
      if (byName == null
          && ROLE_NAMES.get(role).stream().anyMatch(n -> n.equalsIgnoreCase(folder.getFullName()))) {
        byName = folder;
      }
    }
    if (byName != null) {
      return byName;
    }
    IMAPFolder created = (IMAPFolder) store.getFolder(ROLE_NAMES.get(role).get(0));
    if (!created.exists()) {
      created.create(Folder.HOLDS_MESSAGES);
      created.setSubscribed(true);
    }
    return created;
  }

  /** The full name of the folder with a role (created when missing). */
  public String specialFolder(OpenAccount account, String role) {
    return pool.withStore(account.id(), account.imap(), store -> special(store, role).getFullName());
  }

  private static IMAPFolder folder(IMAPStore store, String name) throws MessagingException {
    IMAPFolder folder = (IMAPFolder) store.getFolder(name);
    if (!folder.exists() || (folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
      throw new FolderNotFoundException("There is no folder " + name + " in this account.");
    }
    return folder;
  }

  private static Status status(IMAPFolder folder) throws MessagingException {
    boolean condstore = ((IMAPStore) folder.getStore()).hasCapability("CONDSTORE");
    String[] items = condstore
        ? new String[] {"MESSAGES", "UNSEEN", "UIDNEXT", "UIDVALIDITY", "HIGHESTMODSEQ"}
        : new String[] {"MESSAGES", "UNSEEN", "UIDNEXT", "UIDVALIDITY"};
    return (Status) folder.doCommand(p -> p.status(folder.getFullName(), items));
  }

  // ---- Lists

  /**
   * A page of a folder, newest first (by arrival), from the cache when the folder has not changed. The folder stays
   * selected on its pooled connection, so the next look at it costs a NOOP (the server reports what changed) and a
   * STATUS instead of a SELECT; a SELECT makes servers such as Dovecot scan the whole mailbox.
   */
  public MessagePage page(OpenAccount account, String folderName, int page, int size) {
    return pool.withFolder(account.id(), account.imap(), folderName, Folder.READ_ONLY, (store, folder, fresh) -> {
      // Changes reported on the selected folder (flags another client set, say) drop the folder's cached pages even
      // when STATUS cannot see them (a server without CONDSTORE).
      if (!fresh && noop(folder)) {
        cache.forget(account.id(), folderName);
      }
      Status status = status(folder);
      MessageListCache.Validator validator = new MessageListCache.Validator(status.uidvalidity, status.uidnext,
          status.total, status.unseen, status.highestmodseq);
      MessageListCache.Key key = new MessageListCache.Key(account.id(), folderName, page, size);
      MessagePage hit = cache.get(key, validator);
      if (hit != null) {
        return new MessagePage(hit.folder(), hit.page(), hit.size(), hit.total(), hit.unread(), hit.items(), true);
      }
      int total = folder.getMessageCount();
      int high = total - page * size;
      List<MessageSummary> items = List.of();
      if (high >= 1) {
        int low = Math.max(1, high - size + 1);
        items = summaries(account.id(), folder, folder.getMessages(low, high), !fresh);
      }
      MessagePage result = new MessagePage(folderName, page, size, total, Math.max(0, status.unseen), items, false);
      cache.put(key, validator, result);
      return result;
    });
  }

  /**
   * A NOOP on a selected folder: the server answers with what changed since the folder was last used (new and
   * expunged messages, changed flags). Returns whether it reported anything; Angus Mail applies the reports as usual.
   */
  private static boolean noop(IMAPFolder folder) throws MessagingException {
    return (Boolean) folder.doCommand(p -> {
      Response[] responses = p.command("NOOP", null);
      boolean changed = false;
      for (int i = 0; i < responses.length - 1; i++) {
        Response r = responses[i];
        if (r != null && r.isUnTagged() && !r.isOK()) {
          changed = true;
        }
      }
      p.notifyResponseHandlers(responses);
      p.handleResult(responses[responses.length - 1]);
      return changed;
    });
  }

  /** A page of the messages matching a server-side search, newest first. */
  public MessagePage search(OpenAccount account, String folderName, SearchCriteria criteria, int page, int size) {
    return pool.withFolder(account.id(), account.imap(), folderName, Folder.READ_ONLY, (store, folder, fresh) -> {
      if (!fresh) {
        noop(folder);
      }
      Message[] found = folder.search(term(criteria));
      Arrays.sort(found, Comparator.comparingInt(Message::getMessageNumber).reversed());
      int from = Math.min(found.length, page * size);
      int to = Math.min(found.length, from + size);
      Message[] slice = Arrays.copyOfRange(found, from, to);
      List<Message> ascending = new ArrayList<>(Arrays.asList(slice));
      java.util.Collections.reverse(ascending);
      List<MessageSummary> items = summaries(account.id(), folder, ascending.toArray(Message[]::new), !fresh);
      return new MessagePage(folderName, page, size, found.length, -1, items, false);
    });
  }

  private static SearchTerm term(SearchCriteria c) {
    List<SearchTerm> terms = new ArrayList<>();
    if (c.from() != null) {
      terms.add(new FromStringTerm(c.from()));
    }
    if (c.to() != null) {
      terms.add(new RecipientStringTerm(Message.RecipientType.TO, c.to()));
    }
    if (c.subject() != null) {
      terms.add(new SubjectTerm(c.subject()));
    }
    if (c.body() != null) {
      terms.add(new BodyTerm(c.body()));
    }
    if (c.since() != null) {
      terms.add(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(c.since().atStartOfDay().toInstant(ZoneOffset.UTC))));
    }
    if (c.before() != null) {
      terms.add(new ReceivedDateTerm(ComparisonTerm.LT, Date.from(c.before().atStartOfDay().toInstant(ZoneOffset.UTC))));
    }
    return terms.size() == 1 ? terms.get(0) : new AndTerm(terms.toArray(SearchTerm[]::new));
  }

  /**
   * Envelope, flags, structure, size, UID and threading headers of the messages, in one FETCH; newest first. Angus
   * Mail fetches only what its message objects lack; on a folder that stayed selected ({@code refreshFlags}) the flags
   * it holds may predate changes another client made, so they are fetched again for the page.
   */
  static List<MessageSummary> summaries(long accountId, IMAPFolder folder, Message[] messages, boolean refreshFlags)
      throws MessagingException {
    FetchProfile profile = new FetchProfile();
    profile.add(FetchProfile.Item.ENVELOPE);
    profile.add(FetchProfile.Item.FLAGS);
    profile.add(FetchProfile.Item.CONTENT_INFO);
    profile.add(UIDFolder.FetchProfileItem.UID);
    profile.add("References");
    profile.add("In-Reply-To");
    folder.fetch(messages, profile);
    Map<Integer, Flags> current = refreshFlags ? currentFlags(folder, messages) : Map.of();
    List<MessageSummary> items = new ArrayList<>(messages.length);
    for (int i = messages.length - 1; i >= 0; i--) {
      IMAPMessage m = (IMAPMessage) messages[i];
      items.add(summary(accountId, folder, m, current.getOrDefault(m.getMessageNumber(), m.getFlags())));
    }
    return items;
  }

  /** The flags of the messages as the server has them now, by message number (one FETCH of a range or a set). */
  private static Map<Integer, Flags> currentFlags(IMAPFolder folder, Message[] messages) throws MessagingException {
    if (messages.length == 0) {
      return Map.of();
    }
    StringBuilder set = new StringBuilder();
    for (Message m : messages) {
      if (!set.isEmpty()) {
        set.append(',');
      }
      set.append(m.getMessageNumber());
    }
    return (Map<Integer, Flags>) folder.doCommand(p -> {
      Response[] responses = p.command("FETCH " + set + " (FLAGS)", null);
      Map<Integer, Flags> flags = new java.util.HashMap<>();
      for (Response r : responses) {
        if (r instanceof FetchResponse f && f.getItem(FLAGS.class) != null) {
          flags.put(f.getNumber(), f.getItem(FLAGS.class));
        }
      }
      // Other untagged answers (EXISTS, EXPUNGE, flags) still reach the folder, and a failure still fails.
      p.notifyResponseHandlers(responses);
      p.handleResult(responses[responses.length - 1]);
      return flags;
    });
  }

  private static MessageSummary summary(long accountId, IMAPFolder folder, IMAPMessage m, Flags flags)
      throws MessagingException {
    long uid = folder.getUID(m);
    List<MailAddress> from = MimeParts.addresses(m.getFrom());
    Date sent = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
    String messageId = m.getMessageID();
    String references = MimeParts.header(m, "References");
    String inReplyTo = MimeParts.header(m, "In-Reply-To");
    boolean attachments;
    try {
      attachments = m.isMimeType("multipart/mixed") || m.isMimeType("multipart/report");
    } catch (MessagingException e) {
      attachments = false;
    }
    String subject;
    try {
      subject = m.getSubject();
    } catch (MessagingException e) {
      subject = null;
    }
    return new MessageSummary(accountId, folder.getFullName(), uid, subject,
        from.isEmpty() ? null : from.get(0), MimeParts.addresses(m, Message.RecipientType.TO),
        sent == null ? null : sent.toInstant(),
        flags.contains(Flags.Flag.SEEN), flags.contains(Flags.Flag.FLAGGED), flags.contains(Flags.Flag.ANSWERED),
        flags.contains(Flags.Flag.DRAFT), attachments, Math.max(-1, m.getSize()), messageId,
        MimeParts.threadId(references, inReplyTo, messageId, uid));
  }

  /**
   * The unified inbox: the newest messages of every account's INBOX merged by date. Accounts that fail are skipped
   * and named in {@code failed}.
   */
  public record UnifiedPage(int page, int size, int total, int unread, List<MessageSummary> items,
      List<Long> failedAccounts) {}

  public UnifiedPage unified(List<OpenAccount> accounts, int page, int size) {
    List<MessageSummary> all = new ArrayList<>();
    List<Long> failed = new ArrayList<>();
    int total = 0;
    int unread = 0;
    int needed = (page + 1) * size;
    for (OpenAccount account : accounts) {
      try {
        int taken = 0;
        for (int p = 0; taken < needed; p++) {
          MessagePage part = page(account, "INBOX", p, size);
          if (p == 0) {
            total += part.total();
            unread += part.unread();
          }
          all.addAll(part.items());
          taken += part.items().size();
          if (part.items().size() < size) {
            break;
          }
        }
      } catch (RuntimeException e) {
        failed.add(account.id());
      }
    }
    all.sort(Comparator.comparing(MessageSummary::date, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
    int from = Math.min(all.size(), page * size);
    return new UnifiedPage(page, size, total, unread, List.copyOf(all.subList(from, Math.min(all.size(), from + size))),
        failed);
  }

  // ---- One message

  /** A message opened for reading; marks it read unless {@code markSeen} is false. */
  public MailMessage message(OpenAccount account, String folderName, long uid, boolean allowRemote,
      boolean markSeen) {
    int mode = markSeen ? Folder.READ_WRITE : Folder.READ_ONLY;
    MailMessage result = pool.withFolder(account.id(), account.imap(), folderName, mode, (store, folder, fresh) -> {
      if (!fresh) {
        noop(folder);
      }
      IMAPMessage message = byUid(folder, uid);
      MailMessage read;
      try {
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS);
        folder.fetch(new Message[] {message}, profile);
        read = MessageReader.read(account.id(), folderName, uid, message, allowRemote);
      } catch (MessagingException | RuntimeException e) {
        // The server could not describe the structure: parse the raw message here instead.
        read = MessageReader.read(account.id(), folderName, uid, new MimeMessage(message), allowRemote);
      }
      // On a folder that stayed selected the flags Angus Mail holds may be older than the server's: set it anyway.
      if (markSeen && (!read.seen() || !fresh)) {
        message.setFlag(Flags.Flag.SEEN, true);
      }
      return read;
    });
    if (markSeen && !result.seen()) {
      cache.forget(account.id(), folderName);
    }
    return result;
  }

  /** Receives a part's bytes while the connection is held. */
  @FunctionalInterface
  public interface PartReader<T> {
    T read(String name, String contentType, long size, InputStream content) throws IOException;
  }

  /** Streams one part of a message (decoded) to the reader. */
  public <T> T part(OpenAccount account, String folderName, long uid, String path, PartReader<T> reader) {
    return pool.withFolder(account.id(), account.imap(), folderName, Folder.READ_ONLY, (store, folder, fresh) -> {
      if (!fresh) {
        noop(folder);
      }
      IMAPMessage message = byUid(folder, uid);
      Part part = MimeParts.find(message, path);
      if (part == null) {
        throw new FolderNotFoundException("Message " + uid + " has no part " + path + ".");
      }
      try (InputStream in = part.getInputStream()) {
        return reader.read(MimeParts.fileName(part, path), MimeParts.baseType(part), part.getSize(), in);
      }
    });
  }

  /** A full copy of a message (for forwarding and replying). */
  public MimeMessage copy(OpenAccount account, String folderName, long uid) {
    return pool.withFolder(account.id(), account.imap(), folderName, Folder.READ_ONLY, (store, folder, fresh) -> {
      if (!fresh) {
        noop(folder);
      }
      return new MimeMessage(byUid(folder, uid));
    });
  }

  private static IMAPMessage byUid(IMAPFolder folder, long uid) throws MessagingException {
    Message message = folder.getMessageByUID(uid);
    if (message == null || message.isExpunged()) {
      throw new FolderNotFoundException("There is no message " + uid + " in " + folder.getFullName() + ".");
    }
    return (IMAPMessage) message;
  }

  // ---- Changes

  /** Sets or clears flags; null leaves a flag as it is. */
  public void setFlags(OpenAccount account, String folderName, List<Long> uids, Boolean seen, Boolean flagged,
      Boolean answered) {
    pool.withStore(account.id(), account.imap(), store -> {
      IMAPFolder folder = folder(store, folderName);
      folder.open(Folder.READ_WRITE);
      try {
        Message[] messages = existing(folder, uids);
        if (seen != null) {
          folder.setFlags(messages, new Flags(Flags.Flag.SEEN), seen);
        }
        if (flagged != null) {
          folder.setFlags(messages, new Flags(Flags.Flag.FLAGGED), flagged);
        }
        if (answered != null) {
          folder.setFlags(messages, new Flags(Flags.Flag.ANSWERED), answered);
        }
        return null;
      } finally {
        closeQuietly(folder);
      }
    });
    cache.forget(account.id(), folderName);
  }

  /** Moves messages to another folder (MOVE when the server has it, else COPY and expunge). */
  public void move(OpenAccount account, String folderName, List<Long> uids, String target) {
    if (target.equals(folderName)) {
      return;
    }
    pool.withStore(account.id(), account.imap(), store -> {
      IMAPFolder folder = folder(store, folderName);
      IMAPFolder destination = folder(store, target);
      moveMessages(store, folder, uids, destination);
      return null;
    });
    cache.forget(account.id(), folderName);
    cache.forget(account.id(), target);
  }

  /** Moves messages to the role's folder (trash, archive); in the trash itself, deletes them for good. */
  public String moveToRole(OpenAccount account, String folderName, List<Long> uids, String role) {
    String target = pool.withStore(account.id(), account.imap(), store -> {
      IMAPFolder folder = folder(store, folderName);
      IMAPFolder destination = special(store, role);
      if (destination.getFullName().equals(folder.getFullName())) {
        if ("trash".equals(role)) {
          expunge(folder, uids);
        }
        return destination.getFullName();
      }
      moveMessages(store, folder, uids, destination);
      return destination.getFullName();
    });
    cache.forget(account.id(), folderName);
    cache.forget(account.id(), target);
    return target;
  }

  /** Deletes messages for good (e.g. a replaced draft). */
  public void deleteForever(OpenAccount account, String folderName, List<Long> uids) {
    pool.withStore(account.id(), account.imap(), store -> {
      expunge(folder(store, folderName), uids);
      return null;
    });
    cache.forget(account.id(), folderName);
  }

  private static void expunge(IMAPFolder folder, List<Long> uids) throws MessagingException {
    folder.open(Folder.READ_WRITE);
    try {
      Message[] messages = existing(folder, uids);
      folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
      folder.expunge(messages);
    } finally {
      closeQuietly(folder);
    }
  }

  private static void moveMessages(IMAPStore store, IMAPFolder folder, List<Long> uids, IMAPFolder destination)
      throws MessagingException {
    folder.open(Folder.READ_WRITE);
    try {
      Message[] messages = existing(folder, uids);
      if (store.hasCapability("MOVE")) {
        folder.moveMessages(messages, destination);
      } else {
        folder.copyMessages(messages, destination);
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        folder.expunge(messages);
      }
    } finally {
      closeQuietly(folder);
    }
  }

  private static Message[] existing(IMAPFolder folder, List<Long> uids) throws MessagingException {
    long[] wanted = uids.stream().mapToLong(Long::longValue).toArray();
    Message[] messages = folder.getMessagesByUID(wanted);
    for (int i = 0; i < messages.length; i++) {
      if (messages[i] == null) {
        throw new FolderNotFoundException("There is no message " + wanted[i] + " in " + folder.getFullName() + ".");
      }
    }
    return messages;
  }

  /** Appends a message to the folder of a role (sent, drafts) with flags; returns its UID, or -1 if unknown. */
  public long append(OpenAccount account, String role, MimeMessage message, Flags flags) {
    long[] uid = {-1};
    String target = pool.withStore(account.id(), account.imap(), store -> {
      IMAPFolder folder = special(store, role);
      message.setFlags(flags, true);
      if (store.hasCapability("UIDPLUS")) {
        AppendUID[] appended = folder.appendUIDMessages(new Message[] {message});
        if (appended != null && appended.length == 1 && appended[0] != null) {
          uid[0] = appended[0].uid;
        }
      } else {
        folder.appendMessages(new Message[] {message});
      }
      if (uid[0] < 0) {
        uid[0] = findByMessageId(folder, message.getMessageID());
      }
      return folder.getFullName();
    });
    cache.forget(account.id(), target);
    return uid[0];
  }

  private static long findByMessageId(IMAPFolder folder, String messageId) throws MessagingException {
    if (messageId == null) {
      return -1;
    }
    folder.open(Folder.READ_ONLY);
    try {
      Message[] found = folder.search(new jakarta.mail.search.MessageIDTerm(messageId));
      return found.length == 0 ? -1 : folder.getUID(found[found.length - 1]);
    } finally {
      closeQuietly(folder);
    }
  }

  static void closeQuietly(Folder folder) {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      // the connection is checked before its next use
    }
  }

  /** Lower-case, for comparing addresses. */
  static String normal(String address) {
    return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
  }
}
