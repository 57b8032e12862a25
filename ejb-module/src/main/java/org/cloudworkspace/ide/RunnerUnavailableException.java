package org.cloudworkspace.ide;

import jakarta.ejb.ApplicationException;
import java.util.logging.Logger;
import org.cloudworkspace.common.error.DomainException;

/**
 * The runner cannot be reached (down, misconfigured, or too slow). The IDE answers 503 while the rest of the workspace
 * keeps working; the technical reason goes to the log, the user reads a plain sentence.
 */
@ApplicationException(rollback = true)
public class RunnerUnavailableException extends DomainException {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RunnerUnavailableException.class.getName());

  private final String reason;

  public RunnerUnavailableException(String reason) {
    super(
        Kind.UNAVAILABLE,
        "IDE runner unavailable",
        "The IDE's runner is not available right now, so workspaces cannot be started, stopped or used. The rest of"
            + " the workspace works; try again later or ask an administrator.");
    this.reason = reason;
    LOG.warning("IDE runner unavailable: " + reason);
  }

  /** The technical reason, for administrators. */
  public String reason() {
    return reason;
  }
}
