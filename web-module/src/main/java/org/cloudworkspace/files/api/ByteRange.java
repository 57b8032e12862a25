package org.cloudworkspace.files.api;

import java.util.Locale;

/**
 * One byte range of a representation (RFC 9110, section 14), both ends inclusive. Only single ranges are served as
 * 206; several ranges, another unit or a malformed header are ignored and the whole content is sent, as the RFC
 * allows.
 */
public record ByteRange(long start, long end) {

  /** What a {@code Range} header asks for. */
  public sealed interface Request {}

  /** No usable range: send everything. */
  public record Whole() implements Request {}

  /** Send this part. */
  public record Part(ByteRange range) implements Request {}

  /** The range lies outside the content: 416. */
  public record Unsatisfiable() implements Request {}

  public long length() {
    return end - start + 1;
  }

  /** The {@code Content-Range} value for this part of {@code size} bytes. */
  public String contentRange(long size) {
    return "bytes " + start + "-" + end + "/" + size;
  }

  /** The {@code Content-Range} value of a 416 answer. */
  public static String unsatisfiedRange(long size) {
    return "bytes */" + size;
  }

  /** Reads a {@code Range} header against content of {@code size} bytes. */
  public static Request parse(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    String value = header.trim();
    int eq = value.indexOf('=');
    if (eq < 0 || !"bytes".equals(value.substring(0, eq).trim().toLowerCase(Locale.ROOT))) {
      return new Whole();
    }
    String spec = value.substring(eq + 1).trim();
    if (spec.isEmpty() || spec.indexOf(',') >= 0) {
      return new Whole();
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Whole();
    }
    String first = spec.substring(0, dash).trim();
    String last = spec.substring(dash + 1).trim();
    if (!digits(first) && !first.isEmpty() || !digits(last) && !last.isEmpty() || first.isEmpty() && last.isEmpty()) {
      return new Whole();
    }
    if (first.isEmpty()) {
      long suffix = number(last);
      if (suffix == 0 || size == 0) {
        return new Unsatisfiable();
      }
      return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long start = number(first);
    if (!last.isEmpty() && number(last) < start) {
      return new Whole();
    }
    if (start >= size) {
      return new Unsatisfiable();
    }
    long end = last.isEmpty() ? size - 1 : Math.min(number(last), size - 1);
    return new Part(new ByteRange(start, end));
  }

  private static boolean digits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A decimal number; values beyond a long are as good as infinite here. */
  private static long number(String digits) {
    String trimmed = digits.replaceFirst("^0+(?=.)", "");
    return trimmed.length() > 18 ? Long.MAX_VALUE : Long.parseLong(trimmed);
  }
}
