package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.admin.SystemStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health of the workspace's parts, versions and uptime, for admins. */
@Path("admin/status")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AdminStatusResource {

  @Inject SystemStatus status;

  @GET
  @Operation(
      summary = "Database, storage, runner, Docker engine, Document Server and InventoryPro, with the last error of each",
      description = "metricsUrl is Liberty's Prometheus endpoint (see README: it must not be published).")
  public SystemStatus.Report get() {
    return status.check();
  }
}
