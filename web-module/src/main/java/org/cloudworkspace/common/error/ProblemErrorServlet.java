package org.cloudworkspace.common.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cloudworkspace.common.web.EncodedPathFilter;

/**
 * The error page of the web container (declared in web.xml): errors raised before JAX-RS sees the request, such as a
 * missing static file or an exception in a filter, still answer with problem details and no stack trace.
 */
@WebServlet(name = "problemErrorPage", urlPatterns = "/error-problem")
public class ProblemErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? null : uri.toString();
    if (status >= 400 && EncodedPathFilter.refused(path)) {
      // Liberty's security check resolves a decoded backslash as a separator before any filter runs, so a path such
      // as /api/..%5C ends here as 403 (or 500, "Non-valid URI") instead of reaching EncodedPathFilter's 400.
      status = 400;
    }
    ProblemResponseFilter.writeProblem(response, status < 400 ? 404 : status, path);
  }
}
