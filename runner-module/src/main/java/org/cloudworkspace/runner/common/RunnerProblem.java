package org.cloudworkspace.runner.common;

/**
 * A request the runner cannot serve, with the HTTP status and a detail the app may show to its user (it never
 * contains a secret or an engine's stack trace).
 */
public class RunnerProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;

  public RunnerProblem(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  /** 400: the request names something the runner does not accept. */
  public static RunnerProblem badRequest(String detail) {
    return new RunnerProblem(400, "Bad Request", detail);
  }

  /** 404: no such workspace, file or terminal. */
  public static RunnerProblem notFound(String detail) {
    return new RunnerProblem(404, "Not Found", detail);
  }

  /** 409: the request does not fit the current state (e.g. the workspace is not running). */
  public static RunnerProblem conflict(String detail) {
    return new RunnerProblem(409, "Conflict", detail);
  }

  /** 503: the Docker engine cannot be reached. */
  public static RunnerProblem engineUnavailable(String detail) {
    return new RunnerProblem(503, "Docker Engine Unavailable", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** This problem as its problem-details body. */
  public ProblemDetails problem() {
    return ProblemDetails.of(status, title, getMessage());
  }
}
