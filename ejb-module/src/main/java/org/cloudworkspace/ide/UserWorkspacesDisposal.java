package org.cloudworkspace.ide;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.cloudworkspace.common.error.DomainException;

/**
 * What becomes of a user's IDE workspaces when the account is deleted: their containers and volumes are removed on
 * the runner. Runs inside the caller's transaction, before the account is deleted (the rows then go with it, ON DELETE
 * CASCADE). When the runner cannot remove them the deletion is refused, so that no container or volume outlives its
 * owner unnoticed.
 */
@Stateless
public class UserWorkspacesDisposal {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject WorkspaceRuntime runtime;

  @Inject IdeEvents events;

  /** Removes every workspace of the user from the runner; returns how many there were. */
  public int removeAll(String userId) {
    List<IdeWorkspace> workspaces =
        em.createQuery("SELECT w FROM IdeWorkspace w WHERE w.ownerId = :owner", IdeWorkspace.class)
            .setParameter("owner", userId)
            .getResultList();
    for (IdeWorkspace workspace : workspaces) {
      try {
        runtime.remove(workspace.id());
      } catch (RunnerUnavailableException | WorkspaceRuntimeException e) {
        throw new DomainException(
            DomainException.Kind.UNAVAILABLE,
            "IDE workspaces not removed",
            "The user's IDE workspace '" + workspace.name() + "' could not be removed from the runner ("
                + e.getMessage() + "), so the account was not deleted. Try again when the runner is available.");
      }
      events.publish(new WorkspaceChange(userId, workspace.id(), WorkspaceChange.DELETED, null));
    }
    return workspaces.size();
  }
}
