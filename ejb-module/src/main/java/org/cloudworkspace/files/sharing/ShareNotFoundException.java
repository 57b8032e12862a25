package org.cloudworkspace.files.sharing;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/**
 * No such share for the caller. Also the answer for a link that was revoked, expired or never existed, and for a
 * share of someone else, so that nobody learns which shares exist.
 */
@ApplicationException(rollback = true)
public class ShareNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public ShareNotFoundException(String message) {
    super(Kind.NOT_FOUND, "Share not found", message);
  }

  /** The one answer for every link that does not work (unknown, revoked, expired, or its file is gone). */
  static ShareNotFoundException link() {
    return new ShareNotFoundException(
        "This link does not exist or no longer works: it may have been removed or have expired.");
  }
}
