package org.cloudworkspace.files;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** The upload's body did not match what was announced, or the connection broke; nothing was stored. */
@ApplicationException(rollback = true)
public class IncompleteUploadException extends DomainException {

  private static final long serialVersionUID = 1L;

  public IncompleteUploadException(String message) {
    super(Kind.INVALID_INPUT, "Incomplete upload", message);
  }
}
