package org.cloudworkspace.admin;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.cloudworkspace.files.Usage;
import org.cloudworkspace.files.UserFilesDisposal;
import org.cloudworkspace.ide.UserWorkspacesDisposal;

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

  @Inject UserFilesDisposal files;

  @Inject UserWorkspacesDisposal workspaces;

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
                "SELECT u FROM UserAccount u"
                    + (sort.needsStorage() ? " LEFT JOIN StorageAccount s ON s.userId = u.id" : "")
                    + where + " ORDER BY " + sort.expression() + direction + nulls
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
    List<String> ids = accounts.stream().map(UserAccount::id).toList();
    Set<String> withTwoFactor = twoFactor.enabledAmong(ids);
    Map<String, Usage> usage = files.usageAmong(ids);
    return new UserPage(
        accounts.stream()
            .map(a -> new UserPage.Entry(a, withTwoFactor.contains(a.id()), usage.get(a.id())))
            .toList(),
        total);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public UserPage.Entry get(String userId) {
    UserAccount user = users.require(userId);
    return new UserPage.Entry(user, twoFactor.enabled(user.id()), files.usageAmong(List.of(user.id())).get(user.id()));
  }

  /** What happens to a user's files when the account is deleted. */
  public enum FilesOnDelete {
    /** Moved, with their versions, into a folder "From <username>" of another user. */
    TRANSFER,
    /** Deleted with the account, like the trash. */
    REMOVE
  }

  /** A deleted user and what became of the files: for a transfer, the recipient's username and the folder. */
  public record Deletion(
      String username, FilesOnDelete disposition, String recipient, String folder,
      UserFilesDisposal.Holdings holdings) {}

  /** What deleting a user would take away: the files the user holds, and whether the deletion is allowed at all. */
  public record DeletionPreview(UserAccount user, UserFilesDisposal.Holdings holdings, String refusal) {}

  /** What deleting the user would remove, counted now, and why it would be refused (null when it would not be). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public DeletionPreview previewDeletion(String actorId, String userId) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    String refusal = null;
    try {
      guardDeletion(actor, target, false);
    } catch (DomainException e) {
      refusal = e.getMessage();
    }
    return new DeletionPreview(target, files.holdings(target.id()), refusal);
  }

  /**
   * Deletes an account after the admin typed its username back. Its files are either transferred to another user
   * (into a folder "From <username>", if the recipient's quota has room) or removed. Never oneself nor the last enabled
   * admin. All or nothing: a refusal changes nothing.
   */
  public Deletion delete(
      String actorId, String userId, String confirmation, FilesOnDelete mode, String recipientId, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    if (confirmation == null || !confirmation.trim().equalsIgnoreCase(target.username())) {
      throw new InvalidInputException(
          "confirm", "Type the username " + target.username() + " to confirm that the account is to be deleted.");
    }
    if (mode == null) {
      throw new InvalidInputException("files", "Say what happens to the user's files: transfer or remove.");
    }
    // The cheap check first; the admins are locked only after the files have moved (creating the recipient's
    // storage account refers to the recipient's row, which the lock would hold).
    guardDeletion(actor, target, false);
    String before =
        "user " + target.username() + " (" + target.role().code() + ", " + (target.enabled() ? "enabled" : "disabled")
            + (target.email() == null ? "" : ", " + target.email()) + ")";
    String filesOutcome;
    UserFilesDisposal.Holdings holdings;
    String recipientName = null;
    String folder = null;
    if (mode == FilesOnDelete.TRANSFER) {
      if (recipientId == null || recipientId.isBlank()) {
        throw new InvalidInputException("transferTo", "Choose the user who receives the files.");
      }
      UserAccount recipient =
          users
              .findById(recipientId.trim())
              .orElseThrow(() -> new InvalidInputException("transferTo", "There is no user " + recipientId + "."));
      if (recipient.id().equals(target.id())) {
        throw new InvalidInputException("transferTo", "The files cannot go to the user who is being deleted.");
      }
      UserFilesDisposal.Transfer transfer =
          files.transferAll(target.id(), recipient.id(), "From " + target.username());
      holdings = transfer.moved();
      recipientName = recipient.username();
      folder = transfer.folderName();
      filesOutcome = describe(holdings) + " transferred to " + recipient.username() + " into '"
          + transfer.folderName() + "'";
      files.removeAll(target.id());
    } else {
      holdings = files.removeAll(target.id());
      filesOutcome = describe(holdings) + " removed";
    }
    guardDeletion(actor, target, true);
    // Last, as it cannot be undone: the runner removes the IDE containers and volumes (a failure refuses the deletion).
    int removedWorkspaces = workspaces.removeAll(target.id());
    String username = target.username();
    status.delete(target);
    audit.record(
        AuditType.ADMIN_USER_DELETE, AuditOutcome.SUCCESS, actor.id(), actor.username(), username, client,
        before + " -> deleted; files: " + filesOutcome + "; trash removed: " + holdings.trashItems() + " items ("
            + holdings.trashBytes() + " bytes)"
            + (removedWorkspaces == 0 ? "" : "; IDE workspaces removed: " + removedWorkspaces));
    return new Deletion(username, mode, recipientName, folder, holdings);
  }

  private static String describe(UserFilesDisposal.Holdings h) {
    return h.files() + " files, " + h.folders() + " folders, " + h.fileBytes() + " bytes, " + h.versions()
        + " versions (" + h.versionBytes() + " bytes)";
  }

  /** Refuses deleting oneself or the last enabled admin; {@code lock} locks the admins for the deletion. */
  private void guardDeletion(UserAccount actor, UserAccount target, boolean lock) {
    if (actor.id().equals(target.id())) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Cannot delete yourself", "You cannot delete your own account.");
    }
    if (target.role() == Role.ADMIN && target.enabled()) {
      List<UserAccount> admins = lock ? status.lockEnabledAdmins() : status.enabledAdmins();
      if (admins.size() <= 1) {
        throw new DomainException(
            DomainException.Kind.CONFLICT, "Last admin",
            "User " + target.username() + " is the last enabled admin and cannot be deleted.");
      }
    }
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

  /** An open session and the username of its user. */
  public record SessionEntry(AuthSession session, String username) {}

  /** One page of every user's open sessions, newest use first, optionally only of users matching a search term. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SessionPage allSessions(String search, int offset, int limit) {
    String term = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
    String like = "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    String from =
        " FROM AuthSession s, UserAccount u WHERE s.userId = u.id AND s.revokedAt IS NULL AND s.expiresAt > :now"
            + " AND (:term = '' OR LOWER(u.username) LIKE :like ESCAPE '!' OR LOWER(u.displayName) LIKE :like"
            + " ESCAPE '!')";
    Instant now = Instant.now();
    List<Object[]> rows =
        em.createQuery("SELECT s, u.username" + from + " ORDER BY s.lastUsedAt DESC, s.id", Object[].class)
            .setParameter("now", now)
            .setParameter("term", term)
            .setParameter("like", like)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total =
        em.createQuery("SELECT COUNT(s)" + from, Long.class)
            .setParameter("now", now)
            .setParameter("term", term)
            .setParameter("like", like)
            .getSingleResult();
    return new SessionPage(
        rows.stream().map(r -> new SessionEntry((AuthSession) r[0], (String) r[1])).toList(), total);
  }

  /** One page of sessions and how many match in all. */
  public record SessionPage(List<SessionEntry> items, long total) {}

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
