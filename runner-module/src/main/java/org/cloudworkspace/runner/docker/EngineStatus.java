package org.cloudworkspace.runner.docker;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Whether the runner reaches its Docker engine: {@code {"reachable","host","version","apiVersion","error"}}.
 *
 * @param reachable whether the engine answered
 * @param host the engine address the runner uses ({@code RUNNER_DOCKER_HOST})
 * @param version the engine's version when it answered, else null
 * @param apiVersion the engine's API version when it answered, else null
 * @param error why the engine could not be asked, readable by an administrator, else null
 */
@JsonbPropertyOrder({"reachable", "host", "version", "apiVersion", "error"})
public record EngineStatus(boolean reachable, String host, String version, String apiVersion, String error) {

  static EngineStatus reachable(String host, String version, String apiVersion) {
    return new EngineStatus(true, host, version, apiVersion, null);
  }

  static EngineStatus unreachable(String host, String error) {
    return new EngineStatus(false, host, null, null, error);
  }
}
