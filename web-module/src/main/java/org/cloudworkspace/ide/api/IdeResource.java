package org.cloudworkspace.ide.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.common.settings.SettingsService;
import org.cloudworkspace.ide.IdeService;
import org.cloudworkspace.ide.runner.RunnerClient;
import org.cloudworkspace.ide.runner.RunnerPing;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/ide/status}: whether the IDE works now (the runner answers), its templates and limits. */
@Path("ide/status")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "IDE")
public class IdeResource {

  @Inject IdeService ide;

  @Inject RunnerClient runner;

  @Inject SettingsService settings;

  @GET
  @Operation(summary = "Runner availability, templates and limits")
  public IdeStatusView status() {
    RunnerPing ping = runner.ping();
    return new IdeStatusView(
        ping.reachable(),
        ping.reachable()
            ? null
            : "The IDE's runner is not available right now, so workspaces cannot be started or used. The rest of the"
                + " workspace works.",
        ide.templates().stream().map(t -> new IdeStatusView.TemplateView(t.name(), t.image())).toList(),
        settings.ideMaxWorkspacesPerUser(),
        settings.ideMemoryMb(),
        settings.ideCpus(),
        settings.ideIdleTimeoutMinutes());
  }
}
