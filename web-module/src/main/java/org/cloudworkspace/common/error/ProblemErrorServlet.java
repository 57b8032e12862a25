package org.cloudworkspace.common.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web container (declared in web.xml): errors raised before JAX-RS sees the request, such as a
 * bearer token refused by MicroProfile JWT, still answer with problem details and no stack trace.
 */
@WebServlet(name = "problemErrorPage", urlPatterns = "/error-problem")
public class ProblemErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    if (status < 400) {
      status = 404;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    ProblemDetails problem =
        ProblemDetails.of(
            Problems.slugOf(status),
            Problems.titleOf(status),
            status,
            Problems.defaultDetail(status),
            uri == null ? null : uri.toString());
    response.setStatus(status);
    response.setContentType(ProblemDetails.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSONB.toJson(problem));
  }
}
