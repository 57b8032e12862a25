package org.cloudworkspace.files;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Set;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * The name of a file or folder: NFC-normalised, 1 to 255 bytes in UTF-8, no {@code /}, {@code \}, NUL or other
 * control characters, not {@code .} or {@code ..} (also not once percent-decoded, so that encoded traversal is
 * refused too), and no leading or trailing spaces.
 */
public record FileName(String value) {

  /** The longest name, in UTF-8 bytes, that common file systems accept. */
  public static final int MAX_BYTES = 255;

  private static final Set<String> DOTS = Set.of(".", "..");

  public FileName {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidInputException("name", problem);
    }
  }

  /** Normalises user input to NFC (what macOS sends as NFD is then the same name) and validates it. */
  public static FileName of(String raw) {
    return new FileName(raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFC));
  }

  /** Why the name is refused, in words a user understands; null when it is fine. */
  static String problemWith(String name) {
    if (name == null || name.isEmpty()) {
      return "Enter a name.";
    }
    if (DOTS.contains(name)) {
      return "'" + name + "' is not allowed as a name.";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "A name has at most " + MAX_BYTES + " bytes in UTF-8 (about " + MAX_BYTES + " Latin letters).";
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      return "A name cannot contain '/' or '\\'.";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        return "A name cannot contain control characters such as line breaks, tabs or NUL.";
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
        return "A name must be valid Unicode text.";
      }
    }
    if (Character.isWhitespace(name.codePointAt(0)) || Character.isSpaceChar(name.codePointAt(0))
        || Character.isWhitespace(name.codePointBefore(name.length()))
        || Character.isSpaceChar(name.codePointBefore(name.length()))) {
      return "A name cannot start or end with a space.";
    }
    if (decodesToTraversal(name)) {
      return "A name cannot be an encoded '.', '..', '/' or '\\'.";
    }
    return null;
  }

  /** Whether percent-decoding the name (up to three times) yields a dot segment or a path separator. */
  static boolean decodesToTraversal(String name) {
    String current = name;
    for (int round = 0; round < 3 && current.indexOf('%') >= 0; round++) {
      String decoded;
      try {
        decoded = URLDecoder.decode(current.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notEncoded) {
        return false;
      }
      if (decoded.equals(current)) {
        return false;
      }
      if (DOTS.contains(decoded) || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0
          || decoded.indexOf('\0') >= 0) {
        return true;
      }
      current = decoded;
    }
    return false;
  }

  /**
   * The name with a counter for resolving a conflict: {@code report.pdf} becomes {@code report (2).pdf}, a folder
   * {@code Photos} becomes {@code Photos (2)}. A counter already present is replaced, so copies do not pile up
   * ({@code a (2) (3).txt}).
   */
  public FileName withCounter(int counter, boolean keepExtension) {
    String base = value;
    String extension = "";
    int dot = value.lastIndexOf('.');
    if (keepExtension && dot > 0 && dot < value.length() - 1) {
      base = value.substring(0, dot);
      extension = value.substring(dot);
    }
    base = base.replaceFirst(" \\(\\d{1,9}\\)$", "");
    String suffix = " (" + counter + ")";
    String candidate = base + suffix + extension;
    while (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && base.length() > 1) {
      base = base.substring(0, base.offsetByCodePoints(base.length(), -1)).stripTrailing();
      candidate = base + suffix + extension;
    }
    return new FileName(candidate);
  }

  @Override
  public String toString() {
    return value;
  }
}
