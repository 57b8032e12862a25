package org.cloudworkspace.files.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.cloudworkspace.common.error.ProblemDetails;
import org.cloudworkspace.common.error.Problems;

/**
 * tus 1.0 version handling: every request but OPTIONS must say {@code Tus-Resumable: 1.0.0} (else 412 naming the
 * versions spoken), and every answer says it, errors included.
 */
@Provider
@TusProtocol
public class TusProtocolFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if ("OPTIONS".equals(request.getMethod())) {
      return;
    }
    String version = request.getHeaderString(TusHeaders.RESUMABLE);
    if (!TusHeaders.PROTOCOL_VERSION.equals(version == null ? null : version.strip())) {
      request.abortWith(
          Response.fromResponse(
                  Problems.response(
                      ProblemDetails.of(
                      "unsupported-tus-version", "Unsupported tus version", 412,
                      version == null
                          ? "Send Tus-Resumable: 1.0.0 with every request to this address (the tus protocol)."
                          : "This server speaks tus " + TusHeaders.PROTOCOL_VERSION + ", not " + version + ".",
                          Problems.instanceOf(request.getUriInfo()))))
              .header(TusHeaders.VERSION, TusHeaders.PROTOCOL_VERSION)
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(TusHeaders.RESUMABLE, TusHeaders.PROTOCOL_VERSION);
  }
}
