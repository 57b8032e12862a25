package org.cloudworkspace.runner.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the engine's event stream for workspace containers and remembers out-of-memory kills. The kernel's OOM
 * killer usually ends the process that allocated (a build, a test run) while the container itself keeps running, and
 * then {@code docker inspect} says nothing ({@code State.OOMKilled} only covers a container that ended); the engine's
 * {@code oom} event is the one place that tells. A kill is remembered until the workspace is started again.
 */
@ApplicationScoped
public class WorkspaceEvents {

  private static final Logger LOG = Logger.getLogger(WorkspaceEvents.class.getName());
  private static final long RETRY_MS = 2000;

  @Inject DockerEngine engine;

  private final Map<String, Instant> outOfMemory = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile ResultCallback.Adapter<Event> current;
  private Thread follower;

  /** Starts following the engine's events when the runner starts. */
  void follow(@Observes @Initialized(ApplicationScoped.class) Object started) {
    follower = new Thread(this::followUntilClosed, "runner-docker-events");
    follower.setDaemon(true);
    follower.start();
  }

  @PreDestroy
  void close() {
    closed = true;
    ResultCallback.Adapter<Event> callback = current;
    if (callback != null) {
      try {
        callback.close();
      } catch (java.io.IOException e) {
        LOG.log(Level.FINE, "Closing the event stream failed", e);
      }
    }
    if (follower != null) {
      follower.interrupt();
    }
  }

  /** When a process of the workspace was last killed for lack of memory since its last start, if it was. */
  public Optional<Instant> outOfMemorySinceStart(String workspaceId) {
    return Optional.ofNullable(outOfMemory.get(workspaceId));
  }

  /** The workspace is being (re)started: earlier kills no longer describe it. */
  void started(String workspaceId) {
    outOfMemory.remove(workspaceId);
  }

  /** Notes one engine event. */
  void noted(Event event) {
    if (event == null || event.getActor() == null || event.getActor().getAttributes() == null) {
      return;
    }
    String workspaceId = event.getActor().getAttributes().get(WorkspacePolicy.WORKSPACE_LABEL);
    if (workspaceId != null && "oom".equals(event.getAction() == null ? event.getStatus() : event.getAction())) {
      LOG.log(Level.INFO, "A process in workspace {0} was killed for lack of memory", workspaceId);
      outOfMemory.put(workspaceId, Instant.now());
    }
  }

  private void followUntilClosed() {
    boolean warned = false;
    while (!closed) {
      ResultCallback.Adapter<Event> callback =
          new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
              noted(event);
            }
          };
      try {
        current = callback;
        engine.call(
            d ->
                d.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withEventFilter("oom")
                    .withLabelFilter(WorkspacePolicy.WORKSPACE_LABEL)
                    .exec(callback));
        warned = false;
        callback.awaitCompletion();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!warned) {
          LOG.log(Level.WARNING, "Cannot follow the Docker engine''s events (retrying): {0}", e.getMessage());
          warned = true;
        }
      }
      try {
        Thread.sleep(RETRY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
