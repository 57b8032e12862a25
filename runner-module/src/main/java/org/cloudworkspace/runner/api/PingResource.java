package org.cloudworkspace.runner.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.runner.common.BuildInfo;

/** {@code GET /api/v1/ping}: lets the app check that it reaches this runner and that its signatures are accepted. */
@Path("v1/ping")
@RequestScoped
public class PingResource {

  @Inject BuildInfo buildInfo;

  /** Answers that the runner is up, with its version. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public PingResponse ping() {
    return PingResponse.ok(buildInfo.version());
  }
}
