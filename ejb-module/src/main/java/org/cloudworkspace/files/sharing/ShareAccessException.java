package org.cloudworkspace.files.sharing;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** A share exists but does not allow what was asked: a password is needed or wrong, or the permission is too low. */
@ApplicationException(rollback = true)
public class ShareAccessException extends DomainException {

  private static final long serialVersionUID = 1L;

  private ShareAccessException(Kind kind, String title, String message) {
    super(kind, title, message);
  }

  static ShareAccessException passwordRequired() {
    return new ShareAccessException(
        Kind.UNAUTHENTICATED, "Password required", "This link is protected by a password. Enter it to continue.");
  }

  static ShareAccessException wrongPassword() {
    return new ShareAccessException(Kind.FORBIDDEN, "Wrong password", "The password is not correct.");
  }

  static ShareAccessException uploadOnly() {
    return new ShareAccessException(
        Kind.FORBIDDEN, "Upload only",
        "This link only accepts uploads (a file drop): its files cannot be listed or downloaded.");
  }

  static ShareAccessException readOnly(String what) {
    return new ShareAccessException(
        Kind.FORBIDDEN, "Read only", "This share is read-only: you can view and download, but not " + what + ".");
  }

  static ShareAccessException shareRoot(String what) {
    return new ShareAccessException(
        Kind.FORBIDDEN, "Shared item", "Only the owner can " + what + " the shared item itself.");
  }
}
