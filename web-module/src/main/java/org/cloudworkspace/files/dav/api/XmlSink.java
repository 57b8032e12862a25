package org.cloudworkspace.files.dav.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes an XML answer as UTF-8 bytes into one fixed buffer that goes to the response whenever it fills, so that a
 * multistatus of thousands of members costs neither a whole-document string nor a copy of it. Markup is written as is;
 * text is escaped; names in hrefs are percent-encoded; dates are formatted without a {@link DateTimeFormatter}.
 */
final class XmlSink {

  /** The buffer: an answer up to this size goes out in one write, with a Content-Length. */
  static final int BUFFER_BYTES = 64 * 1024;

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private static final String[] DAYS = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};

  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  /** Where the bytes go. */
  interface Target {
    /**
     * Called once, before the first bytes are sent: with the answer's length when all of it fit in the buffer, or -1
     * when it is streamed as it is written.
     */
    OutputStream open(int length) throws IOException;
  }

  private final Target target;
  private OutputStream out;
  private final byte[] buffer;
  private int count;

  XmlSink(Target target) {
    this(target, BUFFER_BYTES);
  }

  XmlSink(Target target, int capacity) {
    this.target = target;
    this.buffer = new byte[capacity];
  }

  /** Sends what is left: the whole answer with its length if nothing was sent yet. */
  void finish() throws IOException {
    if (out == null) {
      out = target.open(count);
    }
    out.write(buffer, 0, count);
    count = 0;
  }

  private void room(int bytes) throws IOException {
    if (count + bytes > buffer.length) {
      spill();
    }
  }

  private void spill() throws IOException {
    if (out == null) {
      out = target.open(-1);
    }
    out.write(buffer, 0, count);
    count = 0;
  }

  /** Constant ASCII markup, as bytes. */
  XmlSink markup(byte[] bytes) throws IOException {
    if (bytes.length > buffer.length) {
      spill();
      out.write(bytes);
      return this;
    }
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, count, bytes.length);
    count += bytes.length;
    return this;
  }

  /** Markup known to be ASCII (element names, numbers). */
  XmlSink ascii(String text) throws IOException {
    int n = text.length();
    if (n > buffer.length) {
      return markup(text.getBytes(StandardCharsets.UTF_8));
    }
    room(n);
    for (int i = 0; i < n; i++) {
      buffer[count++] = (byte) text.charAt(i);
    }
    return this;
  }

  /** Text content: {@code & < >} and CR escaped, the rest as UTF-8. */
  XmlSink text(String text) throws IOException {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> ascii("&amp;");
        case '<' -> ascii("&lt;");
        case '>' -> ascii("&gt;");
        case '\r' -> ascii("&#13;");
        default -> {
          if (c < 0x80) {
            room(1);
            buffer[count++] = (byte) c;
          } else {
            i = utf8(text, i);
          }
        }
      }
    }
    return this;
  }

  /** XML already serialized (a stored dead property), as UTF-8 without escaping. */
  XmlSink raw(String xml) throws IOException {
    for (int i = 0, n = xml.length(); i < n; i++) {
      char c = xml.charAt(i);
      if (c < 0x80) {
        room(1);
        buffer[count++] = (byte) c;
      } else {
        i = utf8(xml, i);
      }
    }
    return this;
  }

  /** A name inside an href: everything but letters, digits and {@code -._~} percent-encoded (see DavTarget). */
  XmlSink hrefName(String name) throws IOException {
    for (int i = 0, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      if (c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~')) {
        room(1);
        buffer[count++] = (byte) c;
      } else if (c < 0x80) {
        percent(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < n ? i + 2 : i + 1;
        for (byte b : name.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          percent(b & 0xff);
        }
        i = end - 1;
      }
    }
    return this;
  }

  private void percent(int b) throws IOException {
    room(3);
    buffer[count++] = '%';
    buffer[count++] = HEX[b >> 4];
    buffer[count++] = HEX[b & 0xf];
  }

  /** Writes the character at {@code i} (and its low surrogate) as UTF-8; answers the index of the last char used. */
  private int utf8(String text, int i) throws IOException {
    char c = text.charAt(i);
    room(4);
    if (c < 0x800) {
      buffer[count++] = (byte) (0xc0 | c >> 6);
      buffer[count++] = (byte) (0x80 | c & 0x3f);
      return i;
    }
    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, text.charAt(i + 1));
      buffer[count++] = (byte) (0xf0 | cp >> 18);
      buffer[count++] = (byte) (0x80 | cp >> 12 & 0x3f);
      buffer[count++] = (byte) (0x80 | cp >> 6 & 0x3f);
      buffer[count++] = (byte) (0x80 | cp & 0x3f);
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      buffer[count++] = '?';
      return i;
    }
    buffer[count++] = (byte) (0xe0 | c >> 12);
    buffer[count++] = (byte) (0x80 | c >> 6 & 0x3f);
    buffer[count++] = (byte) (0x80 | c & 0x3f);
    return i;
  }

  XmlSink number(long value) throws IOException {
    if (value >= 0 && value < 10) {
      room(1);
      buffer[count++] = (byte) ('0' + value);
      return this;
    }
    return ascii(Long.toString(value));
  }

  /** An HTTP date (RFC 9110 IMF-fixdate): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
  XmlSink httpDate(Instant instant) throws IOException {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    long[] ymd = civil(days);
    if (ymd[0] < 1000 || ymd[0] > 9999) {
      return ascii(PropertyWriter.HTTP_DATE.format(instant));
    }
    room(29);
    ascii3(DAYS[(int) Math.floorMod(days, 7)]);
    buffer[count++] = ',';
    buffer[count++] = ' ';
    digits(ymd[2], 2);
    buffer[count++] = ' ';
    ascii3(MONTHS[(int) ymd[1] - 1]);
    buffer[count++] = ' ';
    digits(ymd[0], 4);
    buffer[count++] = ' ';
    time(secondOfDay);
    buffer[count++] = ' ';
    buffer[count++] = 'G';
    buffer[count++] = 'M';
    buffer[count++] = 'T';
    return this;
  }

  /** An instant as {@link DateTimeFormatter#ISO_INSTANT} writes it: {@code 2026-11-27T02:52:18.123Z}. */
  XmlSink isoInstant(Instant instant) throws IOException {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    long[] ymd = civil(days);
    if (ymd[0] < 1000 || ymd[0] > 9999) {
      return ascii(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
    room(30);
    digits(ymd[0], 4);
    buffer[count++] = '-';
    digits(ymd[1], 2);
    buffer[count++] = '-';
    digits(ymd[2], 2);
    buffer[count++] = 'T';
    time(secondOfDay);
    int nanos = instant.getNano();
    if (nanos != 0) {
      buffer[count++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(nanos / 1_000, 6);
      } else {
        digits(nanos, 9);
      }
    }
    buffer[count++] = 'Z';
    return this;
  }

  private void time(int secondOfDay) {
    digits(secondOfDay / 3600, 2);
    buffer[count++] = ':';
    digits(secondOfDay / 60 % 60, 2);
    buffer[count++] = ':';
    digits(secondOfDay % 60, 2);
  }

  private void ascii3(String s) {
    buffer[count++] = (byte) s.charAt(0);
    buffer[count++] = (byte) s.charAt(1);
    buffer[count++] = (byte) s.charAt(2);
  }

  /** {@code value} in exactly {@code width} digits (room already made). */
  private void digits(long value, int width) {
    for (int i = count + width - 1; i >= count; i--) {
      buffer[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    count += width;
  }

  /** Year, month (1-12) and day of the proleptic Gregorian calendar of a day since 1970-01-01 (H. Hinnant). */
  static long[] civil(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return new long[] {year, month, day};
  }
}
