package org.cloudworkspace.runner.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.runner.docker.DockerEngine;
import org.cloudworkspace.runner.docker.EngineStatus;

/**
 * {@code GET /api/v1/engine}: whether this runner reaches its Docker engine, and the engine's version. Always 200 while
 * the runner itself is up; {@code reachable} tells the engine's state.
 */
@Path("v1/engine")
@RequestScoped
public class EngineResource {

  @Inject DockerEngine engine;

  /** Asks the engine for its version. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public EngineStatus status() {
    return engine.status();
  }
}
