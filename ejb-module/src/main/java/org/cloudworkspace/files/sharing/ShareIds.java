package org.cloudworkspace.files.sharing;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cloudworkspace.common.error.InvalidInputException;

/** Share and node ids in requests are UUIDs; anything else is refused with a readable message before any lookup. */
final class ShareIds {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private ShareIds() {}

  static String require(String raw, String field) {
    if (raw != null) {
      String id = raw.trim().toLowerCase(Locale.ROOT);
      if (UUID.matcher(id).matches()) {
        return id;
      }
    }
    throw new InvalidInputException(
        field, "That is not a valid id. Ids look like 3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f.");
  }
}
