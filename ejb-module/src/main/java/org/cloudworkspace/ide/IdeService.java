package org.cloudworkspace.ide;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.settings.SettingsService;

/**
 * A user's IDE workspaces: create, list, start (in the background), stop, restart and delete them, within the limits
 * of the run-time settings; their files and terminals. Only the owner reaches a workspace; anyone else gets 403 and
 * the attempt is audited.
 */
@Stateless
public class IdeService {

  /** How long a terminal ticket is valid. */
  static final Duration TICKET_LIFETIME = Duration.ofSeconds(30);

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject WorkspaceRuntime runtime;

  @Inject IdeTemplates templates;

  @Inject SettingsService settings;

  @Inject AuditLog audit;

  @Inject WorkspaceStarter starter;

  @Inject IdeActivity activity;

  @Inject IdeEvents events;

  @Inject WorkspaceStates states;

  /** The actor's workspaces, newest first, reconciled with the runner when it answers. */
  public List<WorkspaceDetails> list(IdeActor actor) {
    List<IdeWorkspace> workspaces =
        em.createQuery(
                "SELECT w FROM IdeWorkspace w WHERE w.ownerId = :owner ORDER BY w.createdAt DESC", IdeWorkspace.class)
            .setParameter("owner", actor.userId())
            .getResultList();
    Map<String, WorkspaceRuntime.RuntimeState> states = new HashMap<>();
    boolean available = true;
    try {
      for (WorkspaceRuntime.RuntimeState state : runtime.list()) {
        states.put(state.workspaceId(), state);
      }
    } catch (RunnerUnavailableException | WorkspaceRuntimeException e) {
      available = false;
    }
    List<WorkspaceDetails> details = new ArrayList<>();
    for (IdeWorkspace workspace : workspaces) {
      if (available) {
        long seenVersion = workspace.version();
        WorkspaceRuntime.RuntimeState state = states.get(workspace.id());
        if (state == null) {
          state = new WorkspaceRuntime.RuntimeState(workspace.id(), null, "missing", null, false, null);
        } else if (!state.running() && workspace.status() == WorkspaceStatus.RUNNING) {
          state = fetchState(workspace.id(), state);
        }
        refreshIfStartJustEnded(workspace);
        workspace = reconciled(workspace, seenVersion, state);
      }
      details.add(details(workspace, available));
    }
    return details;
  }

  /** The templates a workspace can be created from. */
  public List<IdeTemplates.Template> templates() {
    return templates.all();
  }

  /** Creates a stopped workspace. */
  public IdeWorkspace create(IdeActor actor, String name, String template, Integer autoStopMinutes) {
    String cleanName = name == null ? "" : name.strip();
    if (!NAME.matcher(cleanName).matches()) {
      throw new InvalidInputException(
          "name", "A name is 1 to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
    }
    IdeTemplates.Template chosen = templates.resolve(template == null ? IdeTemplates.DEFAULT : template);
    if (autoStopMinutes != null && (autoStopMinutes < 1 || autoStopMinutes > 10080)) {
      throw new InvalidInputException("autoStopMinutes", "Auto-stop is between 1 and 10080 minutes.");
    }
    long same =
        em.createQuery("SELECT COUNT(w) FROM IdeWorkspace w WHERE w.ownerId = :owner AND w.name = :name", Long.class)
            .setParameter("owner", actor.userId())
            .setParameter("name", cleanName)
            .getSingleResult();
    if (same > 0) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Name taken", "You already have a workspace named '" + cleanName + "'.");
    }
    IdeWorkspace workspace =
        new IdeWorkspace(actor.userId(), actor.username(), cleanName, chosen.name(), chosen.image(),
            settings.ideMemoryMb(), settings.ideCpus(), autoStopMinutes, Instant.now());
    em.persist(workspace);
    events.publish(WorkspaceChange.of(workspace));
    audit.record(AuditType.IDE_WORKSPACE_CREATE, AuditOutcome.SUCCESS, actor.userId(), actor.username(),
        workspace.id(), actor.client(), "template " + chosen.name());
    return workspace;
  }

  /** One workspace, reconciled with the runner when it answers. */
  public WorkspaceDetails get(IdeActor actor, String id) {
    IdeWorkspace workspace = owned(actor, id);
    boolean available = true;
    refreshIfStartJustEnded(workspace);
    if (workspace.status() != WorkspaceStatus.STARTING || !WorkspaceStarter.inFlight(id)) {
      long seenVersion = workspace.version();
      try {
        workspace = reconciled(workspace, seenVersion, runtime.state(id));
      } catch (RunnerUnavailableException | WorkspaceRuntimeException e) {
        available = false;
      }
    }
    return details(workspace, available);
  }

  /**
   * Starts a workspace in the background with the current limits and template image; answers at once with
   * {@code starting}. Refused when the user runs as many workspaces as allowed.
   */
  public IdeWorkspace start(IdeActor actor, String id) {
    IdeWorkspace workspace = owned(actor, id);
    if (workspace.status() == WorkspaceStatus.STARTING || workspace.status() == WorkspaceStatus.RUNNING) {
      return workspace;
    }
    List<IdeWorkspace> mine =
        em.createQuery("SELECT w FROM IdeWorkspace w WHERE w.ownerId = :owner", IdeWorkspace.class)
            .setParameter("owner", actor.userId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    int max = settings.ideMaxWorkspacesPerUser();
    long busy = mine.stream().filter(w -> !w.id().equals(id) && w.status().occupiesSlot()).count();
    if (busy >= max) {
      audit.record(AuditType.IDE_WORKSPACE_START, AuditOutcome.FAILURE, actor.userId(), actor.username(), id,
          actor.client(), "limit of " + max + " running workspaces");
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Too many running workspaces",
          max == 0
              ? "Running IDE workspaces is switched off by the administrator."
              : "You can run at most " + max + " workspace" + (max == 1 ? "" : "s") + " at once; stop one first.");
    }
    IdeTemplates.Template template = currentTemplate(workspace);
    em.refresh(workspace);
    workspace.starting(template.image(), settings.ideMemoryMb(), settings.ideCpus(), Instant.now());
    em.flush();
    // The runner is asked first (in the background): the audit record's own commit and the event need not delay the
    // container start. Should this transaction still fail, the starter finds the workspace not starting and stops it.
    WorkspaceStarter.IN_FLIGHT.add(id);
    starter.start(
        new WorkspaceRuntime.RuntimeSpec(id, workspace.ownerName(), workspace.template(), workspace.image(),
            workspace.memoryMb(), workspace.cpus()));
    events.publish(WorkspaceChange.of(workspace));
    audit.record(AuditType.IDE_WORKSPACE_START, AuditOutcome.SUCCESS, actor.userId(), actor.username(), id,
        actor.client(), "image " + template.image());
    return workspace;
  }

  /** Stops a workspace (its processes get a few seconds); its files stay. */
  public IdeWorkspace stop(IdeActor actor, String id) {
    IdeWorkspace workspace = owned(actor, id);
    stopOnRunner(workspace);
    audit.record(AuditType.IDE_WORKSPACE_STOP, AuditOutcome.SUCCESS, actor.userId(), actor.username(), id,
        actor.client(), null);
    return workspace;
  }

  /** Stops and starts again (e.g. after it ran out of memory, or to apply new limits). */
  public IdeWorkspace restart(IdeActor actor, String id) {
    IdeWorkspace workspace = owned(actor, id);
    if (workspace.status() != WorkspaceStatus.STOPPED) {
      stopOnRunner(workspace);
      em.flush();
    }
    return start(actor, id);
  }

  /** Deletes the workspace, its container and its files. Nothing is deleted when the runner cannot do its part. */
  public void delete(IdeActor actor, String id) {
    IdeWorkspace workspace = owned(actor, id);
    runtime.remove(id);
    em.createQuery("DELETE FROM TerminalTicket t WHERE t.workspaceId = :id").setParameter("id", id).executeUpdate();
    // By id, not em.remove: terminal traffic and the status sweep keep updating the row (and its version) while the
    // runner removes the container, and a delete must not fail over that.
    em.createQuery("DELETE FROM IdeWorkspace w WHERE w.id = :id").setParameter("id", id).executeUpdate();
    em.detach(workspace);
    events.publish(new WorkspaceChange(workspace.ownerId(), id, WorkspaceChange.DELETED, null));
    audit.record(AuditType.IDE_WORKSPACE_DELETE, AuditOutcome.SUCCESS, actor.userId(), actor.username(), id,
        actor.client(), workspace.name());
  }

  public List<WorkspaceRuntime.WorkspaceFileEntry> listFolder(IdeActor actor, String id, String path) {
    return runtime.listFolder(usable(actor, id), path);
  }

  public WorkspaceRuntime.WorkspaceFile read(IdeActor actor, String id, String path) {
    return runtime.read(usable(actor, id), path);
  }

  /** Writes a file; returns the SHA-256 of the new content. */
  public String write(IdeActor actor, String id, String path, byte[] content, String expectedSha256) {
    return runtime.write(usable(actor, id), path, content, expectedSha256);
  }

  public void mkdir(IdeActor actor, String id, String path) {
    runtime.mkdir(usable(actor, id), path);
  }

  public void move(IdeActor actor, String id, String from, String to) {
    runtime.move(usable(actor, id), from, to);
  }

  public void deletePath(IdeActor actor, String id, String path) {
    runtime.delete(usable(actor, id), path);
  }

  public byte[] archive(IdeActor actor, String id, String path) {
    return runtime.archive(usable(actor, id), path);
  }

  public List<WorkspaceRuntime.TerminalView> terminals(IdeActor actor, String id) {
    return runtime.terminals(usable(actor, id));
  }

  public WorkspaceRuntime.TerminalView openTerminal(IdeActor actor, String id, int cols, int rows) {
    return runtime.openTerminal(usable(actor, id), cols, rows);
  }

  public void closeTerminal(IdeActor actor, String id, String terminalId) {
    runtime.closeTerminal(usable(actor, id), terminalId);
  }

  /** A one-time ticket (valid {@link #TICKET_LIFETIME}) for the browser's terminal WebSocket. */
  public IssuedTicket issueTicket(IdeActor actor, String id, String terminalId) {
    IdeWorkspace workspace = owned(actor, id);
    if (terminalId == null || !terminalId.matches("[A-Za-z0-9]{1,64}")) {
      throw new InvalidInputException("terminalId", "Not a terminal id.");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now();
    em.persist(new TerminalTicket(hash(ticket), actor.userId(), workspace.id(), terminalId, now,
        now.plus(TICKET_LIFETIME)));
    return new IssuedTicket(ticket, TICKET_LIFETIME.toSeconds());
  }

  /**
   * Redeems a terminal ticket: valid once, within its lifetime, and only while its user still owns the workspace.
   * Anything else is empty (the caller refuses the connection).
   */
  public java.util.Optional<TerminalGrant> redeemTicket(String ticket) {
    if (ticket == null || ticket.length() < 40 || ticket.length() > 64) {
      return java.util.Optional.empty();
    }
    String hash = hash(ticket);
    Instant now = Instant.now();
    int claimed =
        em.createQuery(
                "UPDATE TerminalTicket t SET t.usedAt = :now WHERE t.ticketHash = :hash AND t.usedAt IS NULL"
                    + " AND t.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("hash", hash)
            .executeUpdate();
    if (claimed != 1) {
      return java.util.Optional.empty();
    }
    TerminalTicket stored = em.find(TerminalTicket.class, hash);
    IdeWorkspace workspace = stored == null ? null : em.find(IdeWorkspace.class, stored.workspaceId());
    if (workspace == null || !workspace.ownedBy(stored.userId())) {
      return java.util.Optional.empty();
    }
    activity.touch(workspace.id());
    return java.util.Optional.of(
        new TerminalGrant(stored.userId(), workspace.ownerName(), workspace.id(), stored.terminalId()));
  }

  /** Deletes tickets that expired more than a minute ago. */
  public int purgeTickets() {
    return em.createQuery("DELETE FROM TerminalTicket t WHERE t.expiresAt < :cutoff")
        .setParameter("cutoff", Instant.now().minus(Duration.ofMinutes(1)))
        .executeUpdate();
  }

  /**
   * Marks the workspace stopping in a transaction of its own (so reconciliation meanwhile does not take the stop for a
   * crash), stops it on the runner, and records it stopped in another. When the runner fails, the workspace stays as
   * it was.
   */
  private void stopOnRunner(IdeWorkspace workspace) {
    WorkspaceStatus before = workspace.status();
    String detailBefore = workspace.statusDetail();
    states.markStopping(workspace.id(), null);
    try {
      runtime.stop(workspace.id());
    } catch (RuntimeException e) {
      states.restoreStatus(workspace.id(), before, detailBefore);
      throw e;
    }
    states.markStopped(workspace.id());
    em.refresh(workspace);
  }

  /**
   * The workspace as reconciled with the runner's {@code state}, read after version {@code seenVersion} of its row.
   * The request's own copy is never written: a change is committed by {@link WorkspaceStates#reconcile} under the
   * row's lock, so that a page polling the status cannot conflict with a stop or start committing at the same time.
   */
  private IdeWorkspace reconciled(IdeWorkspace workspace, long seenVersion, WorkspaceRuntime.RuntimeState state) {
    boolean inFlight = WorkspaceStarter.inFlight(workspace.id());
    em.detach(workspace);
    if (!WorkspaceStates.apply(workspace, state, inFlight)) {
      return workspace;
    }
    return states.reconcile(workspace.id(), seenVersion, state, inFlight).orElse(workspace);
  }

  /**
   * A background start commits its outcome before it leaves the in-flight set; a row read as {@code starting} whose
   * start is no longer in flight is read again, so that reconciling it does not overwrite (and conflict with) that
   * outcome.
   */
  private void refreshIfStartJustEnded(IdeWorkspace workspace) {
    if (workspace.status() == WorkspaceStatus.STARTING && !WorkspaceStarter.inFlight(workspace.id())) {
      em.refresh(workspace);
    }
  }

  private WorkspaceRuntime.RuntimeState fetchState(String id, WorkspaceRuntime.RuntimeState fallback) {
    try {
      return runtime.state(id);
    } catch (RunnerUnavailableException | WorkspaceRuntimeException e) {
      return fallback;
    }
  }

  private IdeTemplates.Template currentTemplate(IdeWorkspace workspace) {
    try {
      return templates.resolve(workspace.template());
    } catch (InvalidInputException e) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Template withdrawn",
          "The template '" + workspace.template() + "' is no longer approved by the administrator; create a new"
              + " workspace from another template.");
    }
  }

  private WorkspaceDetails details(IdeWorkspace workspace, boolean available) {
    WorkspaceRuntime.RuntimeResources resources = null;
    if (available && workspace.status() == WorkspaceStatus.RUNNING) {
      try {
        resources = runtime.resources(workspace.id());
      } catch (RunnerUnavailableException | WorkspaceRuntimeException e) {
        resources = null;
      }
    }
    return new WorkspaceDetails(
        workspace, workspace.idleStopAt(settings.ideIdleTimeoutMinutes()).orElse(null), resources, available);
  }

  /** The workspace if the actor owns it; 404 when it does not exist, 403 (audited) when it is someone else's. */
  private IdeWorkspace owned(IdeActor actor, String id) {
    IdeWorkspace workspace = id == null || id.length() > 36 ? null : em.find(IdeWorkspace.class, id);
    if (workspace == null) {
      throw new WorkspaceNotFoundException(id);
    }
    if (!workspace.ownedBy(actor.userId())) {
      audit.record(AuditType.IDE_ACCESS_DENIED, AuditOutcome.FAILURE, actor.userId(), actor.username(), id,
          actor.client(), "workspace of " + workspace.ownerName());
      throw new WorkspaceAccessDeniedException();
    }
    return workspace;
  }

  /** The id of an owned workspace in use (counts as editor traffic). */
  private String usable(IdeActor actor, String id) {
    IdeWorkspace workspace = owned(actor, id);
    activity.touch(workspace.id());
    return workspace.id();
  }

  static String hash(String ticket) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
