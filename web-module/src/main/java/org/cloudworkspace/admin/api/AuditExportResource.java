package org.cloudworkspace.admin.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudworkspace.common.audit.AuditCsv;
import org.cloudworkspace.common.audit.AuditEvent;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log as a CSV download, streamed in batches so that a large log never sits in memory. */
@Path("admin/audit-events.csv")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Tag(name = "Administration")
public class AuditExportResource {

  static final int BATCH = 500;

  @Inject AuditLog audit;

  @GET
  @Produces("text/csv")
  @Operation(summary = "Audit events matching the same filters as the list, newest first, as RFC 4180 CSV")
  public Response export(@Valid @BeanParam AuditFilter filter) {
    AuditQuery query = filter.toQuery();
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          writer.write(AuditCsv.HEADER);
          int offset = 0;
          List<AuditEvent> batch;
          do {
            batch = audit.search(query, offset, BATCH);
            for (AuditEvent event : batch) {
              writer.write(AuditCsv.row(event));
            }
            writer.flush();
            offset += BATCH;
          } while (batch.size() == BATCH);
          writer.flush();
        };
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
