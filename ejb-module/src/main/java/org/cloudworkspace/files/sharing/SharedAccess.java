package org.cloudworkspace.files.sharing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.cloudworkspace.auth.LoginThrottles;
import org.cloudworkspace.auth.PasswordHasher;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.error.TooManyAttemptsException;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.FileTree;
import org.cloudworkspace.files.NodeDetails;

/**
 * The gate of shared files: finds the share a request comes through (a share with the signed-in user, or a public
 * link, unlocked when it has a password) and confines every id in the request to the shared subtree. An id outside
 * it answers 404 like an id that does not exist, and the attempt is audited. Password attempts on a link are
 * throttled per link and client address and per link, with the sign-in throttle.
 */
@Stateless
public class SharedAccess {

  private static final Logger LOG = Logger.getLogger(SharedAccess.class.getName());

  /** The name links use for the folder they share, like {@code root} in the file API. */
  public static final String ROOT = "root";

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject FileTree tree;

  @Inject UserDirectory users;

  @Inject LinkSessions sessions;

  @Inject LoginThrottles throttles;

  @Inject PasswordHasher hasher;

  @Inject AuditLog audit;

  /** A share with the signed-in user that is still there, its item not in the trash. */
  public ShareGrant incoming(FileActor actor, String rawShareId) {
    String id = ShareIds.require(rawShareId, "shareId");
    FileShare share = em.find(FileShare.class, id);
    if (share == null || share.isLink() || !share.recipientId().equals(actor.userId())) {
      throw new ShareNotFoundException("There is no share " + id + " with you.");
    }
    FileNode node = em.find(FileNode.class, share.nodeId());
    if (node == null || node.isTrashed()) {
      throw new ShareNotFoundException("There is no share " + id + " with you.");
    }
    return grant(share, node, actor.userId(), actor.username(), actor.client());
  }

  /** A working link, unlocked by the session token when it has a password. */
  public ShareGrant link(String token, String session, ClientInfo client) {
    Instant now = Instant.now();
    FileShare link = findLink(token, now);
    if (link.hasPassword() && !sessions.valid(link, session, now)) {
      throw ShareAccessException.passwordRequired();
    }
    return grant(link, em.find(FileNode.class, link.nodeId()), null, "link", client);
  }

  /** What a link shows a visitor: everything once unlocked, else only that it needs a password. */
  public LinkInfo linkInfo(String token, String session) {
    Instant now = Instant.now();
    FileShare link = findLink(token, now);
    if (link.hasPassword() && !sessions.valid(link, session, now)) {
      return new LinkInfo(link, false, null, null);
    }
    FileNode node = em.find(FileNode.class, link.nodeId());
    NodeDetails details = tree.details(link.ownerId(), node);
    return new LinkInfo(
        link, true, new NodeDetails(node, details.size(), false, null),
        users.findById(link.ownerId()).map(ShareService::party).orElse(null));
  }

  /**
   * Checks a link's password and answers a session token. A locked link and address (too many wrong passwords)
   * answer 429 before the password is even looked at.
   */
  public String unlock(String token, String password, ClientInfo client) {
    Instant now = Instant.now();
    FileShare link = findLink(token, now);
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("password", "Enter the password.");
    }
    String linkKey = "share:" + link.id();
    String addressKey = linkKey + "|" + client.address();
    long locked = throttles.secondsLocked(addressKey, linkKey, now);
    if (locked > 0) {
      throw throttled(locked);
    }
    if (!link.hasPassword()) {
      return sessions.issue(link, now);
    }
    if (!hasher.verify(password, link.passwordHash())) {
      if (throttles.recordFailure(addressKey, linkKey, now)) {
        audit.record(AuditType.SHARE_LINK_THROTTLED, AuditOutcome.FAILURE, null, null, "share " + link.id(),
            client, "too many wrong link passwords");
        LOG.warning(() -> "Too many wrong passwords for link " + link.id() + " from " + client.address());
      }
      throw ShareAccessException.wrongPassword();
    }
    return sessions.issue(link, now);
  }

  /** Counts one download of a link, atomically. */
  public void countDownload(String shareId) {
    em.createQuery("UPDATE FileShare s SET s.downloadCount = s.downloadCount + 1 WHERE s.id = :id")
        .setParameter("id", shareId)
        .executeUpdate();
  }

  /**
   * The id of a node inside what the grant reaches; {@code root} names the shared node. Anything outside, of another
   * owner, in the trash or unknown answers 404; reaching outside is audited.
   */
  public String inside(ShareGrant grant, String rawRef, String field) {
    if (rawRef != null && ROOT.equals(rawRef.trim())) {
      return grant.rootId();
    }
    String id = ShareIds.require(rawRef, field);
    FileNode node = em.find(FileNode.class, id);
    if (node == null || (node.isTrashed() && node.ownerId().equals(grant.owner().userId()))) {
      throw notInShare(id);
    }
    boolean within =
        node.ownerId().equals(grant.owner().userId())
            && (node.id().equals(grant.rootId())
                || tree.ancestors(node).stream().anyMatch(a -> a.id().equals(grant.rootId())));
    if (!within) {
      audit.record(AuditType.FILES_ACCESS_DENIED, AuditOutcome.FAILURE, grant.visitorId(), grant.visitorName(),
          "node " + id, grant.client(), "tried to reach a file or folder outside share " + grant.shareId());
      LOG.warning(() -> "A visitor of share " + grant.shareId() + " tried to reach node " + id + " outside it");
      throw notInShare(id);
    }
    return id;
  }

  /** The breadcrumbs from the shared folder down, dropping the owner's folders above it. */
  public static <T> List<T> fromShareRoot(List<T> breadcrumbs, List<String> ids, String rootId) {
    int start = ids.indexOf(rootId);
    return start < 0 ? breadcrumbs : breadcrumbs.subList(start, breadcrumbs.size());
  }

  private FileShare findLink(String token, Instant now) {
    if (!LinkTokens.wellFormed(token)) {
      throw ShareNotFoundException.link();
    }
    FileShare link =
        em.createQuery("SELECT s FROM FileShare s WHERE s.tokenHash = :hash", FileShare.class)
            .setParameter("hash", LinkTokens.hash(token))
            .getResultStream()
            .findFirst()
            .orElseThrow(ShareNotFoundException::link);
    if (!link.isLink() || link.isExpired(now)) {
      throw ShareNotFoundException.link();
    }
    FileNode node = em.find(FileNode.class, link.nodeId());
    if (node == null || node.isTrashed()) {
      throw ShareNotFoundException.link();
    }
    return link;
  }

  private ShareGrant grant(FileShare share, FileNode node, String visitorId, String visitorName, ClientInfo client) {
    String ownerName = users.findById(share.ownerId()).map(u -> u.username()).orElse(share.ownerId());
    return new ShareGrant(share.id(), node.id(), node.isFolder(), share.permission(),
        new FileActor(share.ownerId(), ownerName, client), visitorId, visitorName, client);
  }

  private static DomainException notInShare(String id) {
    return new DomainException(
        DomainException.Kind.NOT_FOUND, "File not found", "There is no file or folder " + id + " in this share.");
  }

  private static TooManyAttemptsException throttled(long seconds) {
    return new TooManyAttemptsException(
        seconds, "Too many wrong passwords for this link. Try again in " + seconds + " seconds.");
  }
}
