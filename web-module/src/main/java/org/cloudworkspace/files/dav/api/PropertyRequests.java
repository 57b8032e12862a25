package org.cloudworkspace.files.dav.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * PROPFIND bodies already understood, by their exact bytes: a client asks for the same few property sets again and
 * again, and parsing the XML is a noticeable part of a small PROPFIND. Only bodies that parsed are kept, and only
 * short ones, in a bounded map that starts over when full.
 */
final class PropertyRequests {

  static final int MAX_ENTRIES = 512;

  static final int MAX_BODY_BYTES = 4096;

  private static final Map<String, PropertyRequest> PARSED = new ConcurrentHashMap<>();

  private PropertyRequests() {}

  /** The request in {@code body}, parsed by {@code parse} unless the same bytes were parsed before. */
  static PropertyRequest of(byte[] body, Function<byte[], PropertyRequest> parse) {
    if (body.length > MAX_BODY_BYTES) {
      return parse.apply(body);
    }
    // ISO-8859-1 maps every byte to one char: equal keys are equal bytes.
    String key = new String(body, StandardCharsets.ISO_8859_1);
    PropertyRequest known = PARSED.get(key);
    if (known != null) {
      return known;
    }
    PropertyRequest parsed = parse.apply(body);
    if (PARSED.size() >= MAX_ENTRIES) {
      PARSED.clear();
    }
    PARSED.put(key, parsed);
    return parsed;
  }
}
