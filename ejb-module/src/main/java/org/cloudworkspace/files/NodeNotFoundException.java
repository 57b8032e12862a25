package org.cloudworkspace.files;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/**
 * No such file or folder in the caller's storage. Also the answer for another user's node, so that nobody learns
 * which ids exist.
 */
@ApplicationException(rollback = true)
public class NodeNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public NodeNotFoundException(String what, String id) {
    super(Kind.NOT_FOUND, "File not found", "There is no " + what + " " + id + " in your storage.");
  }
}
