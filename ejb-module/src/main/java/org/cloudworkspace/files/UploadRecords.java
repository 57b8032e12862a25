package org.cloudworkspace.files;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;

/**
 * The database side of resumable uploads: each method is one short transaction. The offset only ever moves forward
 * by a conditional update from the offset the writer started at, so two writers of one upload (even on two app
 * instances) can never both record bytes.
 */
@Stateless
public class UploadRecords {

  private static final Logger LOG = Logger.getLogger(UploadRecords.class.getName());

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject FileWrites writes;

  @Inject FileTree tree;

  @Inject AuditLog audit;

  /** A new upload, after the same checks as a streamed upload (folder, preconditions, conflict, quota, disk). */
  public ResumableUpload create(FileActor actor, String folderRef, FileName name, String mimeType, long length,
      ConflictPolicy policy, WritePreconditions preconditions, String metadata, Instant now, Instant expiresAt) {
    writes.planUpload(actor, folderRef, name, policy, preconditions, length);
    FileNode folder = tree.requireFolder(actor, folderRef, "folderId");
    ResumableUpload upload =
        new ResumableUpload(actor.userId(), folder.id(), name, mimeType, length, policy, preconditions, metadata, now,
            expiresAt);
    em.persist(upload);
    return upload;
  }

  /** An upload of the actor that has not expired; another user's upload is "not found", and the attempt audited. */
  public ResumableUpload require(FileActor actor, String id, Instant now) {
    if (!FileSystemBlobStore.isBlobId(id)) {
      throw ResumableUploadException.notFound(String.valueOf(id).length() > 40 ? "with that id" : id);
    }
    ResumableUpload upload = em.find(ResumableUpload.class, id);
    if (upload == null || upload.isExpired(now)) {
      throw ResumableUploadException.notFound(id);
    }
    if (!upload.ownerId().equals(actor.userId())) {
      audit.record(
          AuditType.FILES_ACCESS_DENIED, AuditOutcome.FAILURE, actor.userId(), actor.username(), "upload " + id,
          actor.client(), "tried to reach another user's upload");
      LOG.warning(() -> "User " + actor.userId() + " tried to reach upload " + id + " of another user");
      throw ResumableUploadException.notFound(id);
    }
    return upload;
  }

  /**
   * Moves the offset from {@code from} to {@code to} (forward for bytes made durable, back to what is really staged)
   * and the expiry on. False when the offset was no longer {@code from} (another writer won) or the upload is gone
   * or complete.
   */
  public boolean moveOffset(String id, long from, long to, Instant now, Instant expiresAt) {
    return em.createQuery(
                "UPDATE ResumableUpload u SET u.offsetBytes = :to, u.updatedAt = :now, u.expiresAt = :expires"
                    + " WHERE u.id = :id AND u.offsetBytes = :from AND u.fileId IS NULL")
            .setParameter("to", to)
            .setParameter("now", now)
            .setParameter("expires", expiresAt)
            .setParameter("id", id)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }

  /**
   * Completes an upload whose last bytes (from {@code from}) are durable and whose blob exists: records the file
   * through the normal write path (conflict rules, preconditions, quota, a version on overwrite) and marks the upload
   * complete, in one transaction. The caller deletes the blob if this fails.
   */
  public UploadResult complete(FileActor actor, String id, long from, BlobStore.StoredBlob blob, Instant now,
      Instant keepUntil) {
    ResumableUpload upload = require(actor, id, now);
    UploadResult result =
        writes.recordUpload(
            actor, upload.folderId(), upload.fileName(), upload.mimeType(), blob, upload.onConflict(),
            upload.preconditions());
    em.refresh(upload);
    if (upload.isComplete() || upload.offset() != from) {
      throw new ResumableUploadException(
          ResumableUploadException.Reason.OFFSET_MISMATCH,
          "Another request wrote to this upload meanwhile; its offset is now " + upload.offset() + ".",
          upload.offset());
    }
    upload.completed(result.file().node().id(), now, keepUntil);
    return result;
  }

  /** Deletes an upload's row (its staged bytes are the caller's to delete). */
  public void delete(String id) {
    em.createQuery("DELETE FROM ResumableUpload u WHERE u.id = :id").setParameter("id", id).executeUpdate();
  }

  /** Ids of uploads expired at {@code now}, at most {@code max}. */
  public List<String> expired(Instant now, int max) {
    return em.createQuery("SELECT u.id FROM ResumableUpload u WHERE u.expiresAt <= :now", String.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Deletes an upload if it is still expired at {@code now}; true when it did. */
  public boolean deleteIfExpired(String id, Instant now) {
    return em.createQuery("DELETE FROM ResumableUpload u WHERE u.id = :id AND u.expiresAt <= :now")
            .setParameter("id", id)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** Which of these ids are uploads still waiting for bytes (not complete). */
  public Set<String> pending(Collection<String> ids) {
    Set<String> pending = new HashSet<>();
    for (List<String> chunk : FileTree.chunks(ids)) {
      pending.addAll(
          em.createQuery("SELECT u.id FROM ResumableUpload u WHERE u.id IN :ids AND u.fileId IS NULL", String.class)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return pending;
  }
}
