package org.cloudworkspace.common.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
    ProblemResponseFilter.writeProblem(response, status < 400 ? 404 : status, uri == null ? null : uri.toString());
  }
}
