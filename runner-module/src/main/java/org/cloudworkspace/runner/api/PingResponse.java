package org.cloudworkspace.runner.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of a successful ping: {@code {"status":"ok","service":"runner","version":"…"}}. */
@JsonbPropertyOrder({"status", "service", "version"})
public record PingResponse(String status, String service, String version) {

  /** The answer of a runner of the given version that is up. */
  public static PingResponse ok(String version) {
    return new PingResponse("ok", "runner", version);
  }
}
