package org.cloudworkspace.admin;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.cloudworkspace.auth.AccountStatus;
import org.cloudworkspace.auth.AuthSession;
import org.cloudworkspace.auth.DeviceSummary;
import org.cloudworkspace.auth.Role;
import org.cloudworkspace.auth.TwoFactorService;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * What admins do with accounts. Every change is audited with the acting admin, the target and before/after. The
 * workspace always keeps an enabled admin, and no admin can disable or demote themselves.
 */
@Stateless
public class UserAdministration {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject UserDirectory users;

  @Inject AccountStatus status;

  @Inject TwoFactorService twoFactor;

  @Inject AuditLog audit;

  /** A change of profile and role; null fields stay as they are. */
  public record UserChange(String displayName, String email, String role) {}

  /**
   * One page of users whose username, name or email contain the search term (all when it is blank), sorted by a
   * column (ties by username), with the total number of matches.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public UserPage list(String search, UserSort sort, boolean descending, int offset, int limit) {
    String term = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
    String where =
        " WHERE :term = '' OR LOWER(u.username) LIKE :like ESCAPE '!'"
            + " OR LOWER(u.displayName) LIKE :like ESCAPE '!' OR LOWER(u.email) LIKE :like ESCAPE '!'";
    String like = "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    String direction = descending ? " DESC" : " ASC";
    String nulls = sort == UserSort.LAST_LOGIN_AT || sort == UserSort.EMAIL ? (descending ? " NULLS LAST" : " NULLS FIRST") : "";
    List<UserAccount> accounts =
        em.createQuery(
                "SELECT u FROM UserAccount u" + where + " ORDER BY " + sort.expression() + direction + nulls
                    + ", u.username" + direction,
                UserAccount.class)
            .setParameter("term", term)
            .setParameter("like", like)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total =
        em.createQuery("SELECT COUNT(u) FROM UserAccount u" + where, Long.class)
            .setParameter("term", term)
            .setParameter("like", like)
            .getSingleResult();
    Set<String> withTwoFactor = twoFactor.enabledAmong(accounts.stream().map(UserAccount::id).toList());
    return new UserPage(
        accounts.stream().map(a -> new UserPage.Entry(a, withTwoFactor.contains(a.id()))).toList(), total);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public UserPage.Entry get(String userId) {
    UserAccount user = users.require(userId);
    return new UserPage.Entry(user, twoFactor.enabled(user.id()));
  }

  /**
   * Creates an account. With {@code temporaryPassword} the user must choose a new password at the first sign-in
   * before anything else works.
   */
  public UserAccount create(
      String actorId, String username, String email, String displayName, String roleCode, String password,
      boolean temporaryPassword, ClientInfo client) {
    Role role = role(roleCode == null ? "user" : roleCode);
    UserAccount actor = users.require(actorId);
    UserAccount created = users.create(username, email, displayName, role, password);
    if (temporaryPassword) {
      status.requirePasswordChange(created);
    }
    audit.record(
        AuditType.ADMIN_USER_CREATE, AuditOutcome.SUCCESS, actor.id(), actor.username(), created.username(), client,
        "role=" + role.code() + ", temporary password=" + temporaryPassword);
    return created;
  }

  /** Changes display name, email and role; refuses demoting oneself or the last enabled admin. */
  public UserAccount edit(String actorId, String userId, UserChange change, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    List<String> diff = new ArrayList<>();
    if (change.role() != null) {
      Role role = role(change.role());
      if (role != target.role()) {
        if (role != Role.ADMIN) {
          guardAdminLoss(actor, target, "demote");
        }
        diff.add("role: " + target.role().code() + " -> " + role.code());
        status.changeRole(target, role);
      }
    }
    String displayName = change.displayName() == null ? target.displayName() : change.displayName();
    String email = change.email() == null ? target.email() : change.email();
    String beforeName = target.displayName();
    String beforeEmail = target.email();
    status.editProfile(target, displayName, email);
    if (!Objects.equals(beforeName, target.displayName())) {
      diff.add("displayName: " + beforeName + " -> " + target.displayName());
    }
    if (!Objects.equals(beforeEmail, target.email())) {
      diff.add("email: " + beforeEmail + " -> " + target.email());
    }
    if (!diff.isEmpty()) {
      audit.record(
          AuditType.ADMIN_USER_EDIT, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
          String.join("; ", diff));
    }
    return target;
  }

  /** Disables an account and ends all its sessions and access tokens at once. */
  public UserAccount disable(String actorId, String userId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    if (actor.id().equals(target.id())) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Cannot disable yourself", "You cannot disable your own account.");
    }
    if (target.enabled()) {
      guardAdminLoss(actor, target, "disable");
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

  /** Sets a temporary password the user must change, and ends every session of the user. */
  public UserAccount resetPassword(String actorId, String userId, String temporaryPassword, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    int ended = status.resetPassword(target, temporaryPassword);
    audit.record(
        AuditType.ADMIN_PASSWORD_RESET, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "temporary password set, must change: false -> true, " + ended + " sessions ended");
    return target;
  }

  /** The open sessions of a user. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuthSession> sessions(String userId) {
    return status.openSessions(users.require(userId));
  }

  /** Ends one session of a user. */
  public void endSession(String actorId, String userId, String sessionId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    AuthSession session = status.endSession(target, sessionId);
    audit.record(
        AuditType.ADMIN_SESSION_END, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "session " + session.id() + " (" + DeviceSummary.of(session.userAgent()) + ", " + session.address() + ")");
  }

  /** Ends every session and access token of a user. Returns how many sessions ended. */
  public int endAllSessions(String actorId, String userId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    int ended = status.endAllSessions(target);
    audit.record(
        AuditType.ADMIN_SESSION_END, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "all sessions: " + ended + " ended");
    return ended;
  }

  /** Removes a user's second factor and recovery codes, so the user signs in with the password alone. */
  public void resetTwoFactor(String actorId, String userId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    boolean had = twoFactor.remove(target.id());
    if (!had) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Two-factor sign-in is off",
          "User " + target.username() + " has no second factor to reset.");
    }
    audit.record(
        AuditType.ADMIN_2FA_RESET, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "two-factor sign-in: on -> off");
  }

  /** Refuses a change that would take the admin role from the actor or leave no enabled admin. */
  private void guardAdminLoss(UserAccount actor, UserAccount target, String verb) {
    if (target.role() != Role.ADMIN) {
      return;
    }
    if (actor.id().equals(target.id())) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Cannot lock yourself out",
          "You cannot " + verb + " your own admin account. Ask another admin.");
    }
    List<UserAccount> admins = status.lockEnabledAdmins();
    boolean targetCounts = admins.stream().anyMatch(a -> a.id().equals(target.id()));
    if (targetCounts && admins.size() <= 1) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Last admin",
          "User " + target.username() + " is the last enabled admin and cannot be " + verb + "d.");
    }
  }

  private static Role role(String code) {
    return Role.fromCode(code)
        .orElseThrow(() -> new InvalidInputException("role", "A role is either 'user' or 'admin'."));
  }
}
