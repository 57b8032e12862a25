package org.cloudworkspace.ide.runner;

/**
 * The outcome of a signed ping to the runner.
 *
 * @param reachable whether the runner accepted the signed ping and answered that it is up
 * @param version the runner's version when it answered, otherwise null
 * @param error why the ping failed, readable by an administrator, otherwise null
 */
public record RunnerPing(boolean reachable, String version, String error) {

  /** The runner answered the ping. */
  public static RunnerPing answered(String version) {
    return new RunnerPing(true, version, null);
  }

  /** The ping failed for the reason given. */
  public static RunnerPing failed(String error) {
    return new RunnerPing(false, null, error);
  }
}
