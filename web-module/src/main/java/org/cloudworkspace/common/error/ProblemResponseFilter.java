package org.cloudworkspace.common.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Errors the container answers without a body under {@code /api} (a missing or refused bearer token, an unknown
 * method) get the same problem-details body as every other error.
 */
public class ProblemResponseFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BodylessErrorCatcher wrapper = new BodylessErrorCatcher(response);
    chain.doFilter(request, wrapper);
    int status = wrapper.errorStatus > 0 ? wrapper.errorStatus : response.getStatus();
    if (status >= 400 && !wrapper.bodyStarted && !response.isCommitted()) {
      writeProblem(response, status, request.getRequestURI());
    }
  }

  static void writeProblem(HttpServletResponse response, int status, String instance) throws IOException {
    ProblemDetails problem =
        ProblemDetails.of(
            Problems.slugOf(status), Problems.titleOf(status), status, Problems.defaultDetail(status), instance);
    response.setStatus(status);
    response.setContentType(ProblemDetails.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSONB.toJson(problem));
  }

  /** Holds back {@code sendError} so the filter can write a problem body instead of the container's page. */
  private static final class BodylessErrorCatcher extends HttpServletResponseWrapper {

    private int errorStatus;
    private boolean bodyStarted;

    BodylessErrorCatcher(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) {
      errorStatus = status;
      setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
      sendError(status);
    }

    @Override
    public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public java.io.PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }
  }
}
