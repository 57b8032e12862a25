package org.cloudworkspace.runner.common;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An RFC 9457 problem-details body (type, title, status, detail), the one error shape the runner answers with. */
public record ProblemDetails(String type, String title, int status, String detail) {

  /** The media type of a problem-details body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem whose type is {@code about:blank}: the status and its title say everything a client needs. */
  public static ProblemDetails of(int status, String title, String detail) {
    return new ProblemDetails("about:blank", title, status, detail);
  }

  /** This problem as a JSON document. */
  public String toJson() {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("title", title)
        .add("status", status)
        .add("detail", detail)
        .build()
        .toString();
  }

  /** Sends this problem as the whole response, marked as not to be cached. */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(toJson());
  }
}
