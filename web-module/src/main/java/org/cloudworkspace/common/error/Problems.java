package org.cloudworkspace.common.error;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds problem responses and the standard titles of HTTP statuses. */
public final class Problems {

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad request"),
          Map.entry(401, "Authentication required"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not found"),
          Map.entry(405, "Method not allowed"),
          Map.entry(406, "Not acceptable"),
          Map.entry(409, "Conflict"),
          Map.entry(411, "Length required"),
          Map.entry(412, "Precondition failed"),
          Map.entry(413, "Payload too large"),
          Map.entry(415, "Unsupported media type"),
          Map.entry(416, "Range not satisfiable"),
          Map.entry(429, "Too many requests"),
          Map.entry(500, "Internal server error"),
          Map.entry(503, "Service unavailable"),
          Map.entry(507, "Insufficient storage"));

  private static final Map<Integer, String> DETAILS =
      Map.ofEntries(
          Map.entry(
              400,
              "The request is malformed: check its address and body. Encoded '/', '\\' and '.' segments in an"
                  + " address are refused."),
          Map.entry(401, "Sign in to continue: the request carries no valid access token."),
          Map.entry(403, "You are not allowed to do this."),
          Map.entry(404, "There is nothing at this address."),
          Map.entry(405, "This address does not accept that method."),
          Map.entry(406, "This address cannot answer in the requested format."),
          Map.entry(415, "This address does not accept that content type."),
          Map.entry(500, "Something went wrong on the server. The error was logged."),
          Map.entry(503, "The service is temporarily unavailable. Try again shortly."));

  private Problems() {}

  /** The {@code instance} of a problem: the path the client asked for, with its {@code /api} prefix. */
  public static String instanceOf(jakarta.ws.rs.core.UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }

  public static String titleOf(int status) {
    return TITLES.getOrDefault(status, status >= 500 ? "Server error" : "Request failed");
  }

  public static String defaultDetail(int status) {
    return DETAILS.getOrDefault(status, titleOf(status) + ".");
  }

  public static String slugOf(int status) {
    return titleOf(status).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** A problem response for a status with its standard title and the given detail. */
  public static Response response(int status, String detail, String instance) {
    return response(ProblemDetails.of(slugOf(status), titleOf(status), status, detail, instance));
  }

  public static Response response(ProblemDetails problem) {
    return Response.status(problem.status()).type(ProblemDetails.MEDIA).entity(problem).build();
  }
}
