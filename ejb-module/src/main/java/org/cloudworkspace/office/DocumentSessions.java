package org.cloudworkspace.office;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of documents: document keys (sessions), the editing marks, and the record of every delivered
 * save. Each method is one short transaction; downloads and file writes happen outside them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DocumentSessions {

  /** A save claimed this long ago whose attempt never finished (the app stopped) may be claimed again. */
  static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  /** What a delivery's claim found. */
  public record Claim(Kind kind, DocumentSave save) {
    /** Claimed now (store it), already stored, or another attempt is storing it at this moment. */
    public enum Kind {
      CLAIMED,
      ALREADY_SAVED,
      BUSY
    }
  }

  /**
   * The open session of this version of the file, or a new one. The key is derived from the file and its version
   * (its entity tag), so everyone opening the same version gets the same key; force saves keep a session's key while
   * its version moves on.
   */
  public DocumentSession openFor(String fileId, String ownerId, String etag) {
    Optional<DocumentSession> open =
        em.createQuery(
                "SELECT s FROM DocumentSession s WHERE s.fileId = :file AND s.open = TRUE AND s.contentEtag = :etag"
                    + " ORDER BY s.createdAt",
                DocumentSession.class)
            .setParameter("file", fileId)
            .setParameter("etag", etag)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (open.isPresent()) {
      return open.get();
    }
    Instant now = now();
    String key = keyOf(fileId, etag);
    DocumentSession existing = em.find(DocumentSession.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (existing != null && existing.contentEtag().equals(etag)) {
      existing.reopen(now);
      return existing;
    }
    if (existing != null) {
      key = keyOf(fileId, etag + ":" + UUID.randomUUID());
    }
    DocumentSession session = new DocumentSession(key, fileId, ownerId, etag, now);
    em.persist(session);
    em.flush();
    return session;
  }

  /** A document key: "cw" and 40 characters of base64url(SHA-256(file id, version)), within the allowed set. */
  static String keyOf(String fileId, String version) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest((fileId + ":" + version).getBytes(StandardCharsets.UTF_8));
      return "cw" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<DocumentSession> find(String key) {
    return Optional.ofNullable(em.find(DocumentSession.class, key));
  }

  /** Status 1: who has the document open now. */
  public void markEditing(String key, List<String> userIds) {
    DocumentSession session = em.find(DocumentSession.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (session != null) {
      session.markEditing(userIds, now());
    }
  }

  /** Status 4: closed without changes. */
  public void close(String key) {
    DocumentSession session = em.find(DocumentSession.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (session != null) {
      session.close(now());
    }
  }

  /** Who is editing a file now (user ids), over all its open sessions. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> editorsOf(String fileId) {
    return em.createQuery(
            "SELECT s FROM DocumentSession s WHERE s.fileId = :file AND s.open = TRUE", DocumentSession.class)
        .setParameter("file", fileId)
        .getResultStream()
        .flatMap(s -> s.editors().stream())
        .distinct()
        .toList();
  }

  /**
   * The files directly in a folder of an owner that someone is editing now, with who (user ids), in one query.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public java.util.Map<String, List<String>> editedIn(String ownerId, String folderId) {
    java.util.Map<String, List<String>> edited = new java.util.LinkedHashMap<>();
    em.createQuery(
            "SELECT s FROM DocumentSession s WHERE s.ownerId = :owner AND s.open = TRUE AND s.editors IS NOT NULL"
                + " AND s.fileId IN (SELECT n.id FROM FileNode n WHERE n.ownerId = :owner AND n.parentId = :folder"
                + " AND n.trashedAt IS NULL) ORDER BY s.fileId",
            DocumentSession.class)
        .setParameter("owner", ownerId)
        .setParameter("folder", folderId)
        .getResultStream()
        .forEach(s -> {
          List<String> ids = edited.computeIfAbsent(s.fileId(), f -> new java.util.ArrayList<>());
          s.editors().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        });
    edited.values().removeIf(List::isEmpty);
    return edited;
  }

  /**
   * Claims a delivered save so that exactly one attempt stores it: a new delivery is recorded as SAVING; a stored
   * one answers ALREADY_SAVED; a failed (or abandoned) one is claimed again.
   */
  public Claim claim(String delivery, DocumentSession session, String fileName, CallbackBody body) {
    Instant now = now();
    Optional<DocumentSave> existing = byDelivery(delivery);
    if (existing.isEmpty()) {
      DocumentSave save = new DocumentSave(delivery, session, fileName, body, now);
      em.persist(save);
      em.flush();
      return new Claim(Claim.Kind.CLAIMED, save);
    }
    return claimExisting(existing.get(), now);
  }

  /** Claims a recorded save for a retry (by the owner or an admin). */
  public Claim claimForRetry(String saveId) {
    DocumentSave save = em.find(DocumentSave.class, saveId, LockModeType.PESSIMISTIC_WRITE);
    if (save == null) {
      return new Claim(Claim.Kind.BUSY, null);
    }
    return claimExisting(save, now());
  }

  private Claim claimExisting(DocumentSave save, Instant now) {
    em.lock(save, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(save);
    if (save.state() == DocumentSave.State.SAVED) {
      return new Claim(Claim.Kind.ALREADY_SAVED, save);
    }
    if (!save.claimable(now, STALE_CLAIM)) {
      return new Claim(Claim.Kind.BUSY, save);
    }
    save.claim(now);
    return new Claim(Claim.Kind.CLAIMED, save);
  }

  private Optional<DocumentSave> byDelivery(String delivery) {
    return em.createQuery("SELECT s FROM DocumentSave s WHERE s.delivery = :delivery", DocumentSave.class)
        .setParameter("delivery", delivery)
        .getResultStream()
        .findFirst();
  }

  /**
   * The save is durable: marks it saved and moves the session on (a force save keeps the key at the new version; a
   * final save closes the session so that the next opening gets a new key).
   */
  public void saved(String saveId, String newEtag, String outcome) {
    Instant now = now();
    DocumentSave save = em.find(DocumentSave.class, saveId, LockModeType.PESSIMISTIC_WRITE);
    save.saved(outcome, now);
    DocumentSession session = em.find(DocumentSession.class, save.key(), LockModeType.PESSIMISTIC_WRITE);
    if (session != null) {
      boolean forceSave = save.callbackStatus() == 6 || save.callbackStatus() == 7;
      if (forceSave && newEtag != null) {
        session.advance(newEtag, now);
      } else if (!forceSave) {
        session.close(now);
      }
    }
  }

  public void failed(String saveId, String reason) {
    DocumentSave save = em.find(DocumentSave.class, saveId, LockModeType.PESSIMISTIC_WRITE);
    if (save != null) {
      save.failed(reason, now());
    }
  }

  /** Saves not stored yet (failed, or being stored), newest first; of one owner when {@code ownerId} is set. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<DocumentSave> unsaved(String ownerId, int offset, int limit) {
    String where = "s.state <> :saved" + (ownerId == null ? "" : " AND s.ownerId = :owner");
    var query =
        em.createQuery("SELECT s FROM DocumentSave s WHERE " + where + " ORDER BY s.updatedAt DESC, s.id",
                DocumentSave.class)
            .setParameter("saved", DocumentSave.State.SAVED)
            .setFirstResult(offset)
            .setMaxResults(limit);
    if (ownerId != null) {
      query.setParameter("owner", ownerId);
    }
    return query.getResultList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long countUnsaved(String ownerId) {
    String where = "s.state <> :saved" + (ownerId == null ? "" : " AND s.ownerId = :owner");
    var query =
        em.createQuery("SELECT COUNT(s) FROM DocumentSave s WHERE " + where, Long.class)
            .setParameter("saved", DocumentSave.State.SAVED);
    if (ownerId != null) {
      query.setParameter("owner", ownerId);
    }
    return query.getSingleResult();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<DocumentSave> save(String id) {
    return Optional.ofNullable(em.find(DocumentSave.class, id));
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
