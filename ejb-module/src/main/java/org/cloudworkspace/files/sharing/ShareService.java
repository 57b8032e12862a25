package org.cloudworkspace.files.sharing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.auth.PasswordHasher;
import org.cloudworkspace.auth.PasswordPolicy;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.crypto.DataEncryption;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.settings.SettingsService;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.FileTree;
import org.cloudworkspace.files.NodeDetails;

/**
 * What owners do with shares: share a file or folder with users (read or read-write) or by public link (read or
 * upload-only, optional password and expiry), list, change and remove them; and what recipients see: the shares
 * with them, which they may also leave. The rules of the {@code shares.*} settings are read on every change, so an
 * admin's change applies at once. Every change is audited, without tokens or passwords.
 */
@Stateless
public class ShareService {

  static final String TOKEN_PURPOSE = "share-link-token";

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject FileTree tree;

  @Inject UserDirectory users;

  @Inject PasswordHasher hasher;

  @Inject PasswordPolicy policy;

  @Inject SettingsService settings;

  @Inject DataEncryption encryption;

  @Inject AuditLog audit;

  // ---- Owners

  /** The users and links a file or folder of the actor is shared with. */
  public NodeShares sharesOf(FileActor actor, String nodeId) {
    FileNode node = tree.requireNode(actor, nodeId, "nodeId");
    List<FileShare> shares =
        em.createQuery(
                "SELECT s FROM FileShare s WHERE s.nodeId = :node ORDER BY s.createdAt, s.id", FileShare.class)
            .setParameter("node", node.id())
            .getResultList();
    List<UserShare> withUsers = new ArrayList<>();
    List<PublicLink> links = new ArrayList<>();
    for (FileShare share : shares) {
      if (share.isLink()) {
        links.add(link(share));
      } else {
        withUsers.add(new UserShare(share, party(share.recipientId())));
      }
    }
    return new NodeShares(node.id(), withUsers, links);
  }

  /** Which of the actor's nodes are shared, and how; for marking them in listings. */
  public List<SharedMark> sharedNodes(FileActor actor) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT s.nodeId, s.kind FROM FileShare s WHERE s.ownerId = :owner", Object[].class)
            .setParameter("owner", actor.userId())
            .getResultList();
    Map<String, boolean[]> marks = new LinkedHashMap<>();
    for (Object[] row : rows) {
      boolean[] mark = marks.computeIfAbsent((String) row[0], k -> new boolean[2]);
      mark[row[1] == ShareKind.LINK ? 1 : 0] = true;
    }
    List<SharedMark> result = new ArrayList<>();
    marks.forEach((nodeId, mark) -> result.add(new SharedMark(nodeId, mark[0], mark[1])));
    return result;
  }

  /** Shares a file or folder with another user by username. */
  public UserShare shareWithUser(FileActor actor, String nodeId, String username, String permissionCode) {
    SharePermission permission = SharePermission.forUser(permissionCode);
    FileNode node = shareable(actor, nodeId);
    if (username == null || username.isBlank()) {
      throw new InvalidInputException("username", "Enter the username of the person to share with.");
    }
    UserAccount recipient =
        users.findByUsername(username.strip())
            .orElseThrow(() -> new InvalidInputException("username", "There is no user named '" + printable(username)
                + "'."));
    if (recipient.id().equals(actor.userId())) {
      throw new InvalidInputException("username", "You cannot share with yourself.");
    }
    boolean exists =
        !em.createQuery(
                "SELECT s.id FROM FileShare s WHERE s.nodeId = :node AND s.recipientId = :recipient", String.class)
            .setParameter("node", node.id())
            .setParameter("recipient", recipient.id())
            .getResultList()
            .isEmpty();
    if (exists) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Already shared",
          "'" + node.name() + "' is already shared with " + recipient.username() + ". Change that share instead.");
    }
    FileShare share = FileShare.withUser(node.id(), actor.userId(), recipient.id(), permission, now());
    em.persist(share);
    em.flush();
    record(AuditType.SHARE_CREATE, actor, share,
        (node.isFolder() ? "folder '" : "file '") + node.name() + "' with " + recipient.username() + " ("
            + permission.code() + ")");
    return new UserShare(share, party(recipient));
  }

  /** Changes what a user may do with a share. */
  public UserShare changeUserShare(FileActor actor, String shareId, String permissionCode) {
    SharePermission permission = SharePermission.forUser(permissionCode);
    FileShare share = owned(actor, shareId);
    if (share.isLink()) {
      throw new ShareNotFoundException("There is no share with a user " + share.id() + " of yours.");
    }
    SharePermission before = share.permission();
    share.changePermission(permission, now());
    em.flush();
    record(AuditType.SHARE_CHANGE, actor, share, "permission " + before.code() + " -> " + permission.code());
    return new UserShare(share, party(share.recipientId()));
  }

  /** Creates a public link to a file (read) or folder (read or upload-only). */
  public PublicLink createLink(FileActor actor, String nodeId, String permissionCode, String password,
      Instant expiresAt) {
    SharePermission permission = SharePermission.forLink(permissionCode == null ? "read" : permissionCode);
    FileNode node = shareable(actor, nodeId);
    if (permission == SharePermission.UPLOAD && !node.isFolder()) {
      throw new InvalidInputException("permission", "Upload-only links (file drops) work on folders only.");
    }
    Instant now = now();
    Instant expiry = checkedExpiry(expiresAt, now);
    if (password == null && settings.sharePasswordRequired()) {
      throw new InvalidInputException("password", "Links need a password in this workspace. Enter one.");
    }
    String passwordHash = password == null ? null : checkedHash(password);
    String token = LinkTokens.newToken();
    FileShare link =
        FileShare.link(node.id(), actor.userId(), permission, LinkTokens.hash(token),
            encryption.encrypt(token, TOKEN_PURPOSE), passwordHash, expiry, now);
    em.persist(link);
    em.flush();
    record(AuditType.SHARE_CREATE, actor, link,
        "link to " + (node.isFolder() ? "folder '" : "file '") + node.name() + "' (" + permission.code()
            + (passwordHash != null ? ", password" : "") + (expiry != null ? ", expires " + expiry : "") + ")");
    return new PublicLink(link, token);
  }

  /** Changes a link's permission, password or expiry. A new or removed password ends every unlocked session. */
  public PublicLink changeLink(FileActor actor, String shareId, LinkChange change) {
    FileShare link = owned(actor, shareId);
    if (!link.isLink()) {
      throw new ShareNotFoundException("There is no link " + link.id() + " of yours.");
    }
    if (change.password() != null && change.removePassword()) {
      throw new InvalidInputException("password", "Either set a new password or remove it, not both.");
    }
    if (change.expiresAt() != null && change.removeExpiry()) {
      throw new InvalidInputException("expiresAt", "Either set a new expiry or remove it, not both.");
    }
    Instant now = now();
    List<String> changes = new ArrayList<>();
    if (change.permission() != null) {
      SharePermission permission = SharePermission.forLink(change.permission());
      if (permission == SharePermission.UPLOAD && !requireNode(link).isFolder()) {
        throw new InvalidInputException("permission", "Upload-only links (file drops) work on folders only.");
      }
      if (permission != link.permission()) {
        changes.add("permission " + link.permission().code() + " -> " + permission.code());
        link.changePermission(permission, now);
      }
    }
    if (change.password() != null) {
      link.changePassword(checkedHash(change.password()), now);
      changes.add("password changed");
    } else if (change.removePassword() && link.hasPassword()) {
      if (settings.sharePasswordRequired()) {
        throw new InvalidInputException("password", "Links need a password in this workspace; it cannot be removed.");
      }
      link.changePassword(null, now);
      changes.add("password removed");
    }
    if (change.expiresAt() != null) {
      Instant expiry = checkedExpiry(change.expiresAt(), now);
      link.changeExpiry(expiry, now);
      changes.add("expires " + expiry);
    } else if (change.removeExpiry() && link.expiresAt() != null) {
      checkedExpiry(null, now);
      link.changeExpiry(null, now);
      changes.add("expiry removed");
    }
    em.flush();
    if (!changes.isEmpty()) {
      record(AuditType.SHARE_CHANGE, actor, link, String.join(", ", changes));
    }
    return link(link);
  }

  /** Removes a share with a user (their access ends at once) or revokes a link. */
  public void remove(FileActor actor, String shareId) {
    FileShare share = owned(actor, shareId);
    em.remove(share);
    em.flush();
    record(AuditType.SHARE_REMOVE, actor, share,
        share.isLink() ? "link revoked" : "share with " + party(share.recipientId()).username() + " removed");
  }

  // ---- Recipients

  /** What other users share with the actor, newest first; shares of items in their owners' trash are left out. */
  public List<IncomingShare> incoming(FileActor actor) {
    List<FileShare> shares =
        em.createQuery(
                "SELECT s FROM FileShare s WHERE s.recipientId = :me ORDER BY s.createdAt DESC, s.id",
                FileShare.class)
            .setParameter("me", actor.userId())
            .getResultList();
    Map<String, ShareParty> owners = new HashMap<>();
    List<IncomingShare> result = new ArrayList<>();
    for (FileShare share : shares) {
      FileNode node = em.find(FileNode.class, share.nodeId());
      if (node == null || node.isTrashed()) {
        continue;
      }
      ShareParty owner = owners.computeIfAbsent(share.ownerId(), this::party);
      NodeDetails details = tree.details(share.ownerId(), node);
      result.add(new IncomingShare(share, new NodeDetails(node, details.size(), false, null), owner));
    }
    return result;
  }

  /** The recipient gives up a share with them. */
  public void leave(FileActor actor, String shareId) {
    String id = ShareIds.require(shareId, "shareId");
    FileShare share = em.find(FileShare.class, id);
    if (share == null || share.isLink() || !share.recipientId().equals(actor.userId())) {
      throw new ShareNotFoundException("There is no share " + id + " with you.");
    }
    em.remove(share);
    em.flush();
    record(AuditType.SHARE_REMOVE, actor, share, "left the share of " + party(share.ownerId()).username());
  }

  // ----

  private FileNode shareable(FileActor actor, String nodeId) {
    FileNode node = tree.requireNode(actor, nodeId, "nodeId");
    if (node.isRoot()) {
      throw new InvalidInputException("nodeId", "Your root folder cannot be shared; share a folder inside it.");
    }
    return node;
  }

  private FileShare owned(FileActor actor, String rawId) {
    String id = ShareIds.require(rawId, "shareId");
    FileShare share = em.find(FileShare.class, id);
    if (share == null || !share.ownerId().equals(actor.userId())) {
      throw new ShareNotFoundException("There is no share " + id + " of yours.");
    }
    return share;
  }

  private FileNode requireNode(FileShare share) {
    FileNode node = em.find(FileNode.class, share.nodeId());
    if (node == null) {
      throw new ShareNotFoundException("The shared item is gone.");
    }
    return node;
  }

  private PublicLink link(FileShare share) {
    return new PublicLink(share, encryption.decrypt(share.tokenSealed(), TOKEN_PURPOSE));
  }

  private String checkedHash(String password) {
    policy.check("password", password, null);
    return hasher.hash(password);
  }

  /**
   * The expiry to store: in the future, and, when {@code shares.maxExpiryDays} is set, present and no later than the
   * end of the day (UTC) that many days ahead.
   */
  private Instant checkedExpiry(Instant expiresAt, Instant now) {
    int maxDays = settings.shareMaxExpiryDays();
    if (expiresAt == null) {
      if (maxDays > 0) {
        throw new InvalidInputException(
            "expiresAt", "Links must expire within " + maxDays + " days in this workspace. Choose an expiry date.");
      }
      return null;
    }
    if (!expiresAt.isAfter(now)) {
      throw new InvalidInputException("expiresAt", "The expiry must lie in the future.");
    }
    if (maxDays > 0) {
      Instant latest =
          LocalDate.ofInstant(now.plus(Duration.ofDays(maxDays)), ZoneOffset.UTC).plusDays(1)
              .atStartOfDay(ZoneOffset.UTC).toInstant();
      if (expiresAt.isAfter(latest)) {
        throw new InvalidInputException(
            "expiresAt", "Links may last at most " + maxDays + " days in this workspace. Choose an earlier date.");
      }
    }
    return expiresAt.truncatedTo(ChronoUnit.SECONDS);
  }

  private ShareParty party(String userId) {
    return users.findById(userId).map(ShareService::party).orElse(new ShareParty(userId, "(deleted)", null));
  }

  static ShareParty party(UserAccount account) {
    return new ShareParty(account.id(), account.username(), account.displayName());
  }

  private void record(AuditType type, FileActor actor, FileShare share, String details) {
    audit.record(type, AuditOutcome.SUCCESS, actor.userId(), actor.username(), "share " + share.id(),
        actor.client(), details);
  }

  private static String printable(String raw) {
    String printable = raw.strip().replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
