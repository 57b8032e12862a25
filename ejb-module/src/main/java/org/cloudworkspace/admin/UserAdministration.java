package org.cloudworkspace.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.cloudworkspace.auth.AccountStatus;
import org.cloudworkspace.auth.Role;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;

/** What admins do with accounts. Every change is audited with the acting admin, the target and before/after. */
@Stateless
public class UserAdministration {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject UserDirectory users;

  @Inject AccountStatus status;

  @Inject AuditLog audit;

  /** One page of users ordered by username, optionally only those whose username, name or email contain a term. */
  public List<UserAccount> list(String search, int offset, int limit) {
    String term = search == null ? "" : search.trim().toLowerCase(java.util.Locale.ROOT);
    return em.createQuery(
            "SELECT u FROM UserAccount u WHERE :term = '' OR LOWER(u.username) LIKE :like ESCAPE '!'"
                + " OR LOWER(u.displayName) LIKE :like ESCAPE '!' OR LOWER(u.email) LIKE :like ESCAPE '!'"
                + " ORDER BY u.username",
            UserAccount.class)
        .setParameter("term", term)
        .setParameter("like", "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public UserAccount create(
      String actorId, String username, String email, String displayName, String roleCode, String password,
      ClientInfo client) {
    Role role =
        Role.fromCode(roleCode == null ? "user" : roleCode)
            .orElseThrow(() -> new InvalidInputException("role", "A role is either 'user' or 'admin'."));
    UserAccount actor = users.require(actorId);
    UserAccount created = users.create(username, email, displayName, role, password);
    audit.record(
        AuditType.ADMIN_USER_CREATE, AuditOutcome.SUCCESS, actor.id(), actor.username(), created.username(), client,
        "role=" + role.code());
    return created;
  }

  /** Disables an account and ends all its sessions and access tokens at once. */
  public UserAccount disable(String actorId, String userId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    if (actor.id().equals(target.id())) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Cannot disable yourself", "You cannot disable your own account.");
    }
    boolean before = target.enabled();
    status.disable(target);
    audit.record(
        AuditType.ADMIN_USER_DISABLE, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "enabled " + before + " -> false");
    return target;
  }

  public UserAccount enable(String actorId, String userId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    boolean before = target.enabled();
    status.enable(target);
    audit.record(
        AuditType.ADMIN_USER_ENABLE, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "enabled " + before + " -> true");
    return target;
  }
}
