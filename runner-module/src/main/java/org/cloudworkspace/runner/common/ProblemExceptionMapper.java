package org.cloudworkspace.runner.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception a resource throws into a problem-details response: the HTTP status of a
 * {@link WebApplicationException} (with its headers, such as {@code Allow}) or 500, never an exception text or stack
 * trace.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof RunnerProblem runnerProblem) {
      return Response.status(runnerProblem.status())
          .entity(runnerProblem.problem().toJson())
          .type(ProblemDetails.MEDIA_TYPE)
          .header("Cache-Control", "no-store")
          .build();
    }
    if (exception instanceof WebApplicationException web) {
      Response original = web.getResponse();
      int status = original.getStatus();
      ProblemDetails problem =
          ProblemDetails.of(status, titleOf(original.getStatusInfo()), "The request could not be processed.");
      return Response.fromResponse(original).entity(problem.toJson()).type(ProblemDetails.MEDIA_TYPE).build();
    }
    LOG.log(Level.SEVERE, "Unexpected error while answering a runner request", exception);
    ProblemDetails problem =
        ProblemDetails.of(500, "Internal Server Error", "The runner could not complete the request.");
    return Response.serverError().entity(problem.toJson()).type(ProblemDetails.MEDIA_TYPE).build();
  }

  private static String titleOf(Response.StatusType status) {
    String phrase = status.getReasonPhrase();
    return phrase == null || phrase.isBlank() ? "HTTP " + status.getStatusCode() : phrase;
  }
}
