package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently listed pages, each with the folder state it was read in (UIDVALIDITY, UIDNEXT, message and unread counts,
 * and HIGHESTMODSEQ when the server has CONDSTORE). A page is served from here only while one STATUS command shows the
 * same state; anything the app itself changes in a folder drops that folder's pages.
 */
@ApplicationScoped
public class MessageListCache {

  /** The state of a folder a page was read in. */
  public record Validator(long uidValidity, long uidNext, int total, int unread, long highestModSeq) {}

  record Key(long accountId, String folder, int page, int size) {}

  record Entry(Validator validator, MessagePage page) {}

  private static final int MAX_ENTRIES = 2000;

  private final Map<Key, Entry> entries =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  synchronized MessagePage get(Key key, Validator validator) {
    Entry entry = entries.get(key);
    return entry != null && entry.validator.equals(validator) ? entry.page : null;
  }

  synchronized void put(Key key, Validator validator, MessagePage page) {
    entries.put(key, new Entry(validator, page));
  }

  /** Drops the pages of one folder of an account (the app changed it). */
  public synchronized void forget(long accountId, String folder) {
    entries.keySet().removeIf(k -> k.accountId == accountId && k.folder.equals(folder));
  }

  /** Drops every page of an account. */
  public synchronized void forget(long accountId) {
    entries.keySet().removeIf(k -> k.accountId == accountId);
  }
}
