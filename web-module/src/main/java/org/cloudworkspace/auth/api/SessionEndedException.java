package org.cloudworkspace.auth.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.cloudworkspace.common.error.ProblemDetails;

/** A refused refresh: 401 problem details that also clear the stale cookie. */
class SessionEndedException extends WebApplicationException {

  private static final long serialVersionUID = 1L;

  SessionEndedException(String detail, NewCookie clearedCookie) {
    super(
        Response.status(401)
            .type(ProblemDetails.MEDIA)
            .cookie(clearedCookie)
            .entity(ProblemDetails.of("authentication-failed", "Authentication failed", 401, detail, "/api/auth/refresh"))
            .build());
  }
}
