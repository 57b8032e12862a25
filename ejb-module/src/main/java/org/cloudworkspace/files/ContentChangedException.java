package org.cloudworkspace.files;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** A conditional write (If-Match, If-None-Match) whose condition no longer holds. */
@ApplicationException(rollback = true)
public class ContentChangedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public ContentChangedException(String message) {
    super(Kind.PRECONDITION_FAILED, "Precondition failed", message);
  }
}
