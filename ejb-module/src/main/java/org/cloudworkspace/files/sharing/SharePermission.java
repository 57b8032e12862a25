package org.cloudworkspace.files.sharing;

import org.cloudworkspace.common.error.InvalidInputException;

/**
 * What a share allows: {@code READ} (browse and download), {@code READ_WRITE} (users only: also upload, create,
 * rename, move and delete inside), {@code UPLOAD} (links only, "file drop": upload, but neither list nor download).
 */
public enum SharePermission {
  READ("read"),
  READ_WRITE("read-write"),
  UPLOAD("upload");

  private final String code;

  SharePermission(String code) {
    this.code = code;
  }

  /** How the API spells it. */
  public String code() {
    return code;
  }

  /** The permission of a user share: read or read-write. */
  public static SharePermission forUser(String code) {
    if ("read".equals(code)) {
      return READ;
    }
    if ("read-write".equals(code)) {
      return READ_WRITE;
    }
    throw new InvalidInputException("permission", "A share with a user is 'read' or 'read-write'.");
  }

  /** The permission of a link: read or upload. */
  public static SharePermission forLink(String code) {
    if ("read".equals(code)) {
      return READ;
    }
    if ("upload".equals(code)) {
      return UPLOAD;
    }
    throw new InvalidInputException(
        "permission", "A link is 'read' (view and download) or 'upload' (file drop: upload only).");
  }
}
