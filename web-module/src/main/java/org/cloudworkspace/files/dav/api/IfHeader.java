package org.cloudworkspace.files.dav.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * The WebDAV {@code If} header (RFC 4918, section 10.4): lists of conditions (state tokens and entity tags, each
 * possibly negated), untagged or tagged with the resource they apply to. The header holds when at least one list
 * holds; a list holds when all its conditions do.
 */
final class IfHeader {

  /** One condition: a state token (lock token) or an entity tag, maybe negated. */
  record Condition(boolean not, String token, String etag) {}

  /** A list of conditions; {@code resource} is the tag's URL, or null for the request's resource. */
  record ConditionList(String resource, List<Condition> conditions) {}

  /** What a condition is checked against. */
  interface Resources {
    /** The current entity tag (quoted) of the resource named by a tag (null: the request's), null if none. */
    String etag(String resource);

    /** Whether {@code token} is a current lock token of the resource named by a tag (null: the request's). */
    boolean lockedBy(String resource, String token);
  }

  private final List<ConditionList> lists;

  private IfHeader(List<ConditionList> lists) {
    this.lists = lists;
  }

  List<ConditionList> lists() {
    return lists;
  }

  /** The lock tokens the header submits (those not negated). */
  Set<String> submittedTokens() {
    Set<String> tokens = new LinkedHashSet<>();
    for (ConditionList list : lists) {
      for (Condition c : list.conditions()) {
        if (c.token() != null && !c.not()) {
          tokens.add(c.token());
        }
      }
    }
    return tokens;
  }

  boolean holds(Resources resources) {
    for (ConditionList list : lists) {
      boolean all = true;
      for (Condition c : list.conditions()) {
        boolean value =
            c.token() != null
                ? resources.lockedBy(list.resource(), c.token())
                : c.etag().equals(resources.etag(list.resource()));
        if (value == c.not()) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Parses a header value; null when absent; a malformed one is a 400. */
  static IfHeader parse(String header) {
    if (header == null) {
      return null;
    }
    List<ConditionList> lists = new ArrayList<>();
    int i = 0;
    int n = header.length();
    String resource = null;
    boolean tagged = false;
    boolean first = true;
    while (true) {
      i = skipSpace(header, i);
      if (i >= n) {
        break;
      }
      char c = header.charAt(i);
      if (c == '<') {
        if (!first && !tagged) {
          throw malformed();
        }
        int end = header.indexOf('>', i);
        if (end < 0) {
          throw malformed();
        }
        resource = header.substring(i + 1, end).trim();
        tagged = true;
        i = end + 1;
        i = skipSpace(header, i);
        if (i >= n || header.charAt(i) != '(') {
          throw malformed();
        }
        continue;
      }
      if (c != '(') {
        throw malformed();
      }
      if (!first && !tagged && resource != null) {
        throw malformed();
      }
      i++;
      List<Condition> conditions = new ArrayList<>();
      while (true) {
        i = skipSpace(header, i);
        if (i >= n) {
          throw malformed();
        }
        if (header.charAt(i) == ')') {
          i++;
          break;
        }
        boolean not = false;
        if (header.regionMatches(true, i, "Not", 0, 3)) {
          not = true;
          i = skipSpace(header, i + 3);
          if (i >= n) {
            throw malformed();
          }
        }
        char open = header.charAt(i);
        if (open == '<') {
          int end = header.indexOf('>', i);
          if (end < 0) {
            throw malformed();
          }
          conditions.add(new Condition(not, header.substring(i + 1, end).trim(), null));
          i = end + 1;
        } else if (open == '[') {
          int end = header.indexOf(']', i);
          if (end < 0) {
            throw malformed();
          }
          conditions.add(new Condition(not, null, stripWeak(header.substring(i + 1, end).trim())));
          i = end + 1;
        } else {
          throw malformed();
        }
      }
      if (conditions.isEmpty()) {
        throw malformed();
      }
      lists.add(new ConditionList(tagged ? resource : null, List.copyOf(conditions)));
      first = false;
    }
    if (lists.isEmpty()) {
      throw malformed();
    }
    return new IfHeader(List.copyOf(lists));
  }

  private static String stripWeak(String etag) {
    return etag.startsWith("W/") ? etag.substring(2) : etag;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static InvalidInputException malformed() {
    return new InvalidInputException("If", "The If header is malformed (RFC 4918, section 10.4).");
  }
}
