package org.cloudworkspace.ide;

import jakarta.ejb.ApplicationException;
import org.cloudworkspace.common.error.DomainException;

/** The runner refused an operation on a workspace (its status and detail say why, e.g. image missing, not running). */
@ApplicationException(rollback = true)
public class WorkspaceRuntimeException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final int runnerStatus;

  public WorkspaceRuntimeException(int runnerStatus, String title, String detail) {
    super(kindOf(runnerStatus), title, detail);
    this.runnerStatus = runnerStatus;
  }

  /** The status the runner answered with. */
  public int runnerStatus() {
    return runnerStatus;
  }

  private static Kind kindOf(int status) {
    return switch (status) {
      case 400 -> Kind.INVALID_INPUT;
      case 404 -> Kind.NOT_FOUND;
      case 409, 422 -> Kind.CONFLICT;
      case 412 -> Kind.PRECONDITION_FAILED;
      case 413 -> Kind.PAYLOAD_TOO_LARGE;
      case 507 -> Kind.INSUFFICIENT_STORAGE;
      default -> Kind.UNAVAILABLE;
    };
  }
}
