package org.cloudworkspace.auth;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * A username: 1 to 64 characters of lower-case letters, digits, dot, dash and underscore, starting with a letter or
 * digit. It appears in WebDAV paths, so it is kept URL-safe. Input is compared case-insensitively.
 */
public record Username(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public Username {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new InvalidInputException(
          "username",
          "A username has 1 to 64 characters: letters, digits, '.', '-' or '_', starting with a letter or digit.");
    }
  }

  /** Normalises user input (surrounding white space, lower case) and validates it. */
  public static Username of(String raw) {
    return new Username(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
  }

  /** Normalises without validating, for looking up sign-in input that may be garbage. */
  static String normalize(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }
}
