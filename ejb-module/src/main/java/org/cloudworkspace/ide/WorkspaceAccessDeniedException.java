package org.cloudworkspace.ide;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** The workspace belongs to someone else (the attempt is audited). */
@ApplicationException(rollback = true)
public class WorkspaceAccessDeniedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public WorkspaceAccessDeniedException() {
    super(Kind.FORBIDDEN, "Not your workspace", "This workspace belongs to another user.");
  }
}
