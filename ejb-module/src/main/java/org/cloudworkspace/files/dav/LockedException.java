package org.cloudworkspace.files.dav;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** A WebDAV lock stands in the way: another lock conflicts, or the request did not submit the lock's token. */
@ApplicationException(rollback = true)
public class LockedException extends DomainException {

  private static final long serialVersionUID = 1L;

  /** The locked path, for the client's error body. */
  private final String lockedPath;

  public LockedException(String lockedPath, String message) {
    super(Kind.CONFLICT, "Locked", message);
    this.lockedPath = lockedPath;
  }

  public String lockedPath() {
    return lockedPath;
  }
}
