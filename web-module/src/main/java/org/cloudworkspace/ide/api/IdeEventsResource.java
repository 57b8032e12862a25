package org.cloudworkspace.ide.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicReference;
import org.cloudworkspace.ide.IdeEvents;
import org.cloudworkspace.ide.WorkspaceChange;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/ide/events}: a server-sent event stream of the caller's workspace status changes
 * ({@code event: workspace}, data {@code {"workspaceId","status","statusDetail"}}; status {@code deleted} when one is
 * deleted), so the browser learns at once when a start finished, a workspace failed or stopped for idleness.
 */
@Path("ide/events")
@RolesAllowed({"user", "admin"})
@SecurityRequirement(name = "bearer")
@Tag(name = "IDE")
public class IdeEventsResource {

  @Inject IdeEvents events;

  @Inject JsonWebToken jwt;

  /** The event as sent. */
  public record WorkspaceEventView(String workspaceId, String status, String statusDetail) {}

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Server-sent events of the caller's workspace status changes")
  public void stream(@Context SseEventSink sink, @Context Sse sse) {
    AtomicReference<Runnable> unsubscribe = new AtomicReference<>(() -> {});
    unsubscribe.set(
        events.subscribe(
            jwt.getSubject(),
            (WorkspaceChange change) -> {
              if (sink.isClosed()) {
                unsubscribe.get().run();
                return;
              }
              sink.send(
                      sse.newEventBuilder()
                          .name("workspace")
                          .mediaType(MediaType.APPLICATION_JSON_TYPE)
                          .data(WorkspaceEventView.class,
                              new WorkspaceEventView(change.workspaceId(), change.status(), change.statusDetail()))
                          .build())
                  .exceptionally(
                      failure -> {
                        unsubscribe.get().run();
                        return null;
                      });
            }));
    sink.send(sse.newEventBuilder().name("ready").data("{}").build());
  }
}
