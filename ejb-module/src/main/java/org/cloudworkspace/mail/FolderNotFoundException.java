package org.cloudworkspace.mail;

import org.cloudworkspace.common.error.DomainException;

/** The account has no such folder or message. */
public class FolderNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  FolderNotFoundException(String message) {
    super(Kind.NOT_FOUND, "No such mail item", message);
  }
}
