package org.cloudworkspace.files.dav.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.files.FileName;

/**
 * A WebDAV address below {@code /dav/files/}: the username it names and the validated names of the path from that
 * user's root. Every segment is percent-decoded once (strict UTF-8) and must then be a valid file name: dot segments,
 * encoded or double-encoded separators, backslashes, NUL and control characters are refused with a readable message.
 */
record DavTarget(String username, List<String> names) {

  /** Where user trees start, after the context path. */
  static final String PREFIX = "/dav/files/";

  /** The path from the user's root: {@code /} or {@code /a/b}. */
  String path() {
    return names.isEmpty() ? "/" : "/" + String.join("/", names);
  }

  boolean isRoot() {
    return names.isEmpty();
  }

  /** The last name; null for the root. */
  String name() {
    return names.isEmpty() ? null : names.get(names.size() - 1);
  }

  /** The names of the parent folder. */
  List<String> parentNames() {
    return names.subList(0, Math.max(0, names.size() - 1));
  }

  /** Parses a raw (still percent-encoded) path relative to the context; null when it is not below the prefix. */
  static DavTarget parse(String rawPath) {
    if (!rawPath.startsWith(PREFIX)) {
      return null;
    }
    String rest = rawPath.substring(PREFIX.length());
    if (rest.isEmpty()) {
      return null;
    }
    if (rest.indexOf('\\') >= 0) {
      throw new InvalidInputException("path", "A WebDAV address cannot contain '\\'.");
    }
    String[] raw = rest.split("/", -1);
    int count = raw.length;
    if (count > 1 && raw[count - 1].isEmpty()) {
      count--;
    }
    String username = decode(raw[0]);
    if (username.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>(count - 1);
    for (int i = 1; i < count; i++) {
      if (raw[i].isEmpty()) {
        throw new InvalidInputException("path", "A WebDAV address cannot contain empty segments ('//').");
      }
      String decoded = decode(raw[i]);
      if (".".equals(decoded) || "..".equals(decoded)) {
        throw new InvalidInputException("path", "A WebDAV address cannot contain '.' or '..' segments.");
      }
      names.add(FileName.of(decoded).value());
    }
    return new DavTarget(username, List.copyOf(names));
  }

  /** Percent-decodes a segment as strict UTF-8; '+' stays '+'. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    byte[] bytes = new byte[segment.length()];
    int length = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw malformed();
        }
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw malformed();
        }
        bytes[length++] = (byte) (high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (length + encoded.length > bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2 + encoded.length);
        }
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("path", "A WebDAV address must be UTF-8 once percent-decoded.");
    }
  }

  /** Percent-encodes a name for an href: everything but letters, digits and {@code -._~}. */
  static void encode(String name, StringBuilder out) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~')) {
        out.append(c);
      } else if (c < 0x80) {
        appendByte(c, out);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < name.length() ? i + 2 : i + 1;
        for (byte b : name.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendByte(b & 0xff, out);
        }
        i = end - 1;
      }
    }
  }

  private static void appendByte(int b, StringBuilder out) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static InvalidInputException malformed() {
    return new InvalidInputException("path", "The WebDAV address has a malformed percent-encoding.");
  }
}
