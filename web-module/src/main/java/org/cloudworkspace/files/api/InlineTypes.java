package org.cloudworkspace.files.api;

import java.util.Locale;

/**
 * Which stored types may be shown inline when asked: images (but never SVG, which can carry script), PDF, audio,
 * video and plain text. Everything else, HTML above all, is always an attachment.
 */
public final class InlineTypes {

  private InlineTypes() {}

  public static boolean allowsInline(String mimeType) {
    if (mimeType == null) {
      return false;
    }
    String type = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.startsWith("image/")) {
      return !type.contains("svg") && !type.endsWith("+xml");
    }
    return type.equals("application/pdf")
        || type.startsWith("audio/")
        || type.startsWith("video/")
        || type.equals("text/plain");
  }
}
