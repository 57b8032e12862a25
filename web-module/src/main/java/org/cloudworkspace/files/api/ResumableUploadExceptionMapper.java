package org.cloudworkspace.files.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.common.error.Problems;
import org.cloudworkspace.files.ResumableUploadException;

/**
 * Refusals of the tus protocol as problem details with the status tus gives them (404, 409, 413, 423, 460), and the
 * upload's durable offset where the client needs it to go on.
 */
@Provider
public class ResumableUploadExceptionMapper implements ExceptionMapper<ResumableUploadException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ResumableUploadException e) {
    int status = e.reason().status();
    Response.ResponseBuilder response =
        Response.fromResponse(
            Problems.response(
                ProblemDetails.of(e.typeSlug(), e.title(), status, e.getMessage(), Problems.instanceOf(uri))));
    if (e.offset() >= 0) {
      response.header(TusHeaders.UPLOAD_OFFSET, Long.toString(e.offset()));
    }
    return response.build();
  }
}
