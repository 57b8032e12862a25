package org.cloudworkspace.files;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * Ids in requests: a node id is a UUID; a folder may also be named {@code root}. Anything else, traversal attempts
 * included, is refused with a readable message before any lookup.
 */
final class NodeIds {

  /** The alias of a user's root folder. */
  static final String ROOT = "root";

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private NodeIds() {}

  /** A well-formed node id (lower-cased), or a 400 naming the field. */
  static String require(String raw, String field) {
    if (raw != null) {
      String id = raw.trim().toLowerCase(Locale.ROOT);
      if (UUID.matcher(id).matches()) {
        return id;
      }
    }
    throw new InvalidInputException(field, describe(raw) + " is not a valid id. Ids look like 3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f.");
  }

  /** A folder reference: {@code root} or a node id. */
  static String requireFolderRef(String raw, String field) {
    if (raw != null && ROOT.equals(raw.trim())) {
      return ROOT;
    }
    if (raw != null) {
      String id = raw.trim().toLowerCase(Locale.ROOT);
      if (UUID.matcher(id).matches()) {
        return id;
      }
    }
    throw new InvalidInputException(
        field, describe(raw) + " is not a valid folder id. Use 'root' or an id like 3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f.");
  }

  private static String describe(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "An empty value";
    }
    String printable = raw.replaceAll("\\p{Cntrl}", "?");
    return "'" + (printable.length() > 40 ? printable.substring(0, 40) + "…" : printable) + "'";
  }
}
