package org.cloudworkspace.runner.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The WAR's error page (see {@code web.xml}): answers errors raised by the container, such as an unknown path, with a
 * generic problem-details body instead of the server's default page.
 */
@WebServlet(name = "ErrorPageServlet", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // Requested directly rather than as an error dispatch, this path is just another unknown resource.
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400 ? code : 404;
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    String detail = status >= 500 ? "The runner could not complete the request." : "The request could not be processed.";
    ProblemDetails.of(status, title, detail).writeTo(response);
  }
}
