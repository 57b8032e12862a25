package org.cloudworkspace.ide;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** No workspace with that id exists. */
@ApplicationException(rollback = true)
public class WorkspaceNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public WorkspaceNotFoundException(String id) {
    super(Kind.NOT_FOUND, "Workspace not found", "There is no workspace " + id + ".");
  }
}
