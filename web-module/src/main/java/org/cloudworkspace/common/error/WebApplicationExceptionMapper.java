package org.cloudworkspace.common.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown path, wrong method, unreadable body, missing role) as problem details. A response that
 * is already a problem passes through unchanged.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (original != null
        && original.hasEntity()
        && ProblemDetails.MEDIA.isCompatible(original.getMediaType())) {
      return original;
    }
    String detail = status == 400 ? "The request body could not be read. Send valid JSON." : Problems.defaultDetail(status);
    Response.ResponseBuilder response =
        Response.status(status)
            .type(ProblemDetails.MEDIA)
            .entity(
                ProblemDetails.of(
                    Problems.slugOf(status), Problems.titleOf(status), status, detail, Problems.instanceOf(uri)));
    if (original != null) {
      for (String header : new String[] {"Allow", "Retry-After", "WWW-Authenticate"}) {
        Object value = original.getHeaders().getFirst(header);
        if (value != null) {
          response.header(header, value);
        }
      }
    }
    return response.build();
  }
}
