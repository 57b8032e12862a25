package org.cloudworkspace.files.api;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values (RFC 6266) with the name twice: an ASCII-only {@code filename} for old clients,
 * and the exact UTF-8 name as {@code filename*} (RFC 8187, formerly 5987).
 */
public final class ContentDisposition {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  public static String attachment(String fileName) {
    return of("attachment", fileName);
  }

  public static String inline(String fileName) {
    return of("inline", fileName);
  }

  static String of(String type, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "download" : fileName;
    return type + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
  }

  /** Printable ASCII only; quotes, backslashes, percent signs and everything else become '_'. */
  static String asciiFallback(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return out.toString();
  }

  /** Percent-encodes every UTF-8 byte outside RFC 8187's attr-char. */
  static String encode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
