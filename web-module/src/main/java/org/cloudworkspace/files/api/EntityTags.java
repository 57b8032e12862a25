package org.cloudworkspace.files.api;

import java.util.ArrayList;
import java.util.List;

/** Entity-tag lists of {@code If-Match} and {@code If-None-Match} headers. */
public final class EntityTags {

  private EntityTags() {}

  /** The tags of a header, {@code *} included as is; null for an absent header. */
  public static List<String> parse(String header) {
    if (header == null) {
      return null;
    }
    List<String> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** Weak comparison, as {@code If-None-Match} uses: {@code W/"x"} matches {@code "x"}. */
  static boolean anyMatchesWeakly(String header, String etag) {
    List<String> tags = parse(header);
    if (tags == null) {
      return false;
    }
    String current = stripWeak(etag);
    return tags.stream().anyMatch(t -> "*".equals(t) || stripWeak(t).equals(current));
  }

  /** Strong comparison, as {@code If-Range} uses. */
  static boolean matchesStrongly(String tag, String etag) {
    return tag != null && !tag.trim().startsWith("W/") && tag.trim().equals(etag);
  }

  private static String stripWeak(String tag) {
    String t = tag.trim();
    return t.startsWith("W/") ? t.substring(2) : t;
  }
}
