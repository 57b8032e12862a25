package org.cloudworkspace.common.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Domain exceptions of every context become problem details with the status their kind calls for. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(DomainException e) {
    int status = statusOf(e.kind());
    List<ProblemDetails.FieldError> fields =
        e.fieldErrors().stream().map(f -> new ProblemDetails.FieldError(f.field(), f.message())).toList();
    ProblemDetails problem =
        ProblemDetails.of(e.typeSlug(), e.title(), status, e.getMessage(), Problems.instanceOf(uri))
            .withErrors(fields);
    Response.ResponseBuilder response = Response.status(status).type(ProblemDetails.MEDIA).entity(problem);
    if (e instanceof TooManyAttemptsException throttled) {
      response.header("Retry-After", Long.toString(throttled.retryAfterSeconds()));
    }
    return response.build();
  }

  static int statusOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case PRECONDITION_FAILED -> 412;
      case PAYLOAD_TOO_LARGE -> 413;
      case TOO_MANY_REQUESTS -> 429;
      case UNAVAILABLE -> 503;
      case INSUFFICIENT_STORAGE -> 507;
    };
  }
}
