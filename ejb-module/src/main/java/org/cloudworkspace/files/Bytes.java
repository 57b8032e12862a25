package org.cloudworkspace.files;

import java.util.Locale;

/** Byte counts as people read them: "1.5 MB (1,572,864 bytes)". */
final class Bytes {

  private static final String[] UNITS = {"KB", "MB", "GB", "TB", "PB"};

  private Bytes() {}

  /** A short size such as {@code 12 bytes}, {@code 1.5 MB} or {@code 10 GB} (1 KB = 1,024 bytes). */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + UNITS[unit];
  }

  /** The short size followed by the exact count, for messages. */
  static String describe(long bytes) {
    return bytes < 1024 ? format(bytes) : format(bytes) + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
  }
}
