package org.cloudworkspace.runner.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The runner's JAX-RS application, served under {@code /api}. */
@ApplicationPath("/api")
public class RunnerApplication extends Application {}
