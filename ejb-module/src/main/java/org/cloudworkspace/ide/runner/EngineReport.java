package org.cloudworkspace.ide.runner;

/**
 * What the runner says of its Docker engine.
 *
 * @param reachable whether the engine answered the runner
 * @param runnerAnswered whether the runner itself answered (when not, the engine's state is unknown)
 * @param host the engine address the runner uses, when the runner answered
 * @param version the engine's version, when it answered
 * @param apiVersion the engine's API version, when it answered
 * @param error why the engine (or the runner) could not be asked, readable by an administrator, otherwise null
 */
public record EngineReport(
    boolean reachable, boolean runnerAnswered, String host, String version, String apiVersion, String error) {

  /** The runner could not be asked, so the engine's state is unknown. */
  public static EngineReport unknown(String error) {
    return new EngineReport(false, false, null, null, null, error);
  }
}
