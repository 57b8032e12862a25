package org.cloudworkspace.files;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.cloudworkspace.common.error.DomainException;

/**
 * Resumable uploads (the tus 1.0 protocol's core, creation, termination, checksum and expiration): an upload is
 * created with its length and target, receives its bytes in any number of appends that each end durable (fsync
 * before the offset is recorded), and becomes a file through the same write path as a streamed upload once its last
 * byte arrived. Bytes are staged on storage, never held in memory; only the owner sees an upload.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResumableUploads {

  private static final Logger LOG = Logger.getLogger(ResumableUploads.class.getName());
  private static final int SWEEP_BATCH = 1000;

  /** Checksum algorithms of the tus checksum extension, by their tus names. */
  public static final List<String> CHECKSUM_ALGORITHMS = List.of("sha1", "sha256");

  /** Where an upload stands. {@code fileId} names the file it became once complete, else null. */
  public record Status(String id, long length, long offset, Instant expiresAt, String metadata, String fileId) {

    static Status of(ResumableUpload upload, long offset) {
      return new Status(upload.id(), upload.length(), offset, upload.expiresAt(), upload.metadata(), upload.fileId());
    }

    public boolean complete() {
      return fileId != null;
    }
  }

  /** The checksum a client sent for one append: a tus algorithm name and the digest's bytes. */
  public record ChunkChecksum(String algorithm, byte[] expected) {}

  @Inject UploadRecords records;

  @Inject BlobStore blobs;

  @Inject FilesSettings settings;

  @Inject UploadState state;

  /** The largest upload accepted, whatever the quota (Tus-Max-Size). */
  public long maxSize() {
    return settings.uploadMaxBytes();
  }

  /**
   * Starts an upload of {@code length} bytes into a folder, after the checks a streamed upload makes before reading
   * (folder, name, preconditions, conflict, quota). An empty file is complete at once.
   */
  public Status create(FileActor actor, String folderRef, String rawName, String contentType, long length,
      ConflictPolicy policy, WritePreconditions preconditions, String metadata) {
    if (length > settings.uploadMaxBytes()) {
      throw new ResumableUploadException(
          ResumableUploadException.Reason.TOO_LARGE,
          "Uploads may have at most " + Bytes.describe(settings.uploadMaxBytes()) + "; this one has "
              + Bytes.describe(length) + ".",
          -1);
    }
    FileName name = FileName.of(rawName);
    String mimeType = MimeTypes.of(contentType, name);
    Instant now = FileWrites.now();
    ResumableUpload upload =
        records.create(actor, folderRef, name, mimeType, length, policy, preconditions, metadata, now,
            now.plus(settings.uploadExpiry()));
    if (length == 0) {
      return finish(actor, upload, 0, sha256());
    }
    return Status.of(upload, 0);
  }

  /** An upload of the actor and its durable offset. */
  public Status status(FileActor actor, String id) {
    ResumableUpload upload = records.require(actor, id, FileWrites.now());
    return Status.of(upload, upload.isComplete() ? upload.length() : durableOffset(upload));
  }

  /**
   * Appends a body at {@code offset}, which must be the upload's durable offset. With a checksum, a chunk whose
   * digest differs is discarded; without one, the bytes that arrived before a broken connection are kept. The last
   * byte completes the upload: the file is recorded (a version of the previous content on overwrite).
   */
  public Status append(FileActor actor, String id, long offset, InputStream body, long contentLength,
      ChunkChecksum checksum) {
    records.require(actor, id, FileWrites.now());
    if (!state.tryLock(id)) {
      throw new ResumableUploadException(
          ResumableUploadException.Reason.BUSY,
          "Another request is writing to this upload right now. Ask for its offset (HEAD) and try again shortly.",
          -1);
    }
    try {
      return appendLocked(actor, id, offset, body, contentLength, checksum);
    } finally {
      state.unlock(id);
    }
  }

  private Status appendLocked(FileActor actor, String id, long offset, InputStream body, long contentLength,
      ChunkChecksum checksum) {
    Instant now = FileWrites.now();
    ResumableUpload upload = records.require(actor, id, now);
    if (upload.isComplete()) {
      if (offset == upload.length() && contentLength <= 0) {
        return Status.of(upload, upload.length());
      }
      throw offsetMismatch(upload.length(), offset);
    }
    long durable = durableOffset(upload);
    if (offset != durable) {
      throw offsetMismatch(durable, offset);
    }
    long remaining = upload.length() - offset;
    if (contentLength > remaining) {
      throw tooLong(upload, offset);
    }
    MessageDigest running = state.digestAt(id, offset).orElseGet(() -> rehash(id, offset));
    MessageDigest chunkDigest = checksum == null ? null : digestFor(checksum.algorithm());
    BlobStore.Appended appended;
    try {
      appended =
          chunkDigest == null
              ? blobs.appendStaged(id, offset, body, remaining, running)
              : blobs.appendStaged(id, offset, body, remaining, running, chunkDigest);
    } catch (BlobStore.LimitExceededException e) {
      throw tooLong(upload, offset);
    } catch (BlobStore.StagedBytesMissingException e) {
      throw offsetMismatch(e.staged(), offset);
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("No space left")) {
        discardQuietly(id, offset);
        throw StorageFullException.disk(remaining, 0);
      }
      throw new UncheckedIOException("Storing upload bytes failed", e);
    }
    long received = appended.bytes();
    boolean whole = appended.bodyComplete() && (contentLength < 0 || received == contentLength);
    if (chunkDigest != null) {
      if (!whole) {
        discardQuietly(id, offset);
        throw new IncompleteUploadException(
            "The chunk broke off after " + received + " bytes; as it came with a checksum that cannot be checked"
                + " now, it was discarded. Resume from byte " + offset + ".");
      }
      if (!MessageDigest.isEqual(chunkDigest.digest(), checksum.expected())) {
        discardQuietly(id, offset);
        throw new ResumableUploadException(
            ResumableUploadException.Reason.CHECKSUM_MISMATCH,
            "The chunk's " + checksum.algorithm() + " checksum does not match its bytes, so it was discarded."
                + " Send it again from byte " + offset + ".",
            offset);
      }
    }
    if (received == 0) {
      return Status.of(upload, offset);
    }
    long to = offset + received;
    if (to == upload.length()) {
      return finish(actor, upload, offset, running);
    }
    Instant expires = now.plus(settings.uploadExpiry());
    if (!records.moveOffset(id, offset, to, now, expires)) {
      throw offsetMismatch(-1, offset);
    }
    state.remember(id, to, running);
    return new Status(id, upload.length(), to, expires, upload.metadata(), null);
  }

  /**
   * Turns the staged bytes into a blob and records the file. A refusal by the write path (the name was taken, the
   * file changed under If-Match, the quota is full, the folder is gone) ends the upload; any other failure leaves it
   * resumable from {@code from}.
   */
  private Status finish(FileActor actor, ResumableUpload upload, long from, MessageDigest digest) {
    String id = upload.id();
    String sha256 = HexFormat.of().formatHex(digest.digest());
    BlobStore.StoredBlob blob;
    try {
      blob = blobs.commitStaged(id, upload.length(), sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("Storing the completed upload failed", e);
    }
    Instant now = FileWrites.now();
    Instant keepUntil = now.plus(settings.uploadExpiry());
    UploadResult result;
    try {
      result = records.complete(actor, id, from, blob, now, keepUntil);
    } catch (ResumableUploadException e) {
      deleteBlobQuietly(blob.id());
      throw e;
    } catch (DomainException e) {
      deleteBlobQuietly(blob.id());
      abandon(id);
      throw e;
    } catch (RuntimeException e) {
      deleteBlobQuietly(blob.id());
      throw e;
    }
    state.forget(id);
    deleteStagedQuietly(id);
    return new Status(id, upload.length(), upload.length(), keepUntil, upload.metadata(), result.file().node().id());
  }

  /** Cancels an upload: its row and staged bytes go. A complete upload's file stays. */
  public void terminate(FileActor actor, String id) {
    records.require(actor, id, FileWrites.now());
    if (!state.tryLock(id)) {
      throw new ResumableUploadException(
          ResumableUploadException.Reason.BUSY,
          "A request is still writing to this upload; cancel it again in a moment.", -1);
    }
    try {
      abandon(id);
    } finally {
      state.unlock(id);
    }
  }

  /** Housekeeping: deletes uploads past their expiry with their staged bytes; returns how many. */
  public int sweepExpired() {
    Instant now = FileWrites.now();
    int removed = 0;
    for (String id : records.expired(now, SWEEP_BATCH)) {
      if (!state.tryLock(id)) {
        continue;
      }
      try {
        if (records.deleteIfExpired(id, now)) {
          state.forget(id);
          deleteStagedQuietly(id);
          removed++;
        }
      } finally {
        state.unlock(id);
      }
    }
    return removed;
  }

  /**
   * Housekeeping: deletes staged bytes that no pending upload owns (left by a crash after an upload completed or was
   * removed) and that have not changed for {@code minIdle}; returns how many.
   */
  public int sweepOrphanedStaging(Duration minIdle) throws IOException {
    Instant cutoff = Instant.now().minus(minIdle);
    List<String> candidates = new ArrayList<>();
    try (Stream<BlobStore.BlobListing> staged = blobs.stagedUploads()) {
      staged.filter(s -> !s.lastModified().isAfter(cutoff)).forEach(s -> candidates.add(s.id()));
    }
    if (candidates.isEmpty()) {
      return 0;
    }
    Set<String> pending = records.pending(candidates);
    int removed = 0;
    for (String id : candidates) {
      if (!pending.contains(id) && state.tryLock(id)) {
        try {
          blobs.deleteStaged(id);
          removed++;
        } finally {
          state.unlock(id);
        }
      }
    }
    return removed;
  }

  /** The offset the staged bytes really back: the recorded one, or less if staged bytes were lost. */
  private long durableOffset(ResumableUpload upload) {
    long staged;
    try {
      staged = blobs.stagedLength(upload.id());
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the staged bytes of an upload failed", e);
    }
    if (staged >= upload.offset()) {
      return upload.offset();
    }
    LOG.warning(() -> "Upload " + upload.id() + " has " + staged + " staged bytes but recorded " + upload.offset()
        + "; it resumes from the staged bytes");
    Instant now = FileWrites.now();
    records.moveOffset(upload.id(), upload.offset(), staged, now, now.plus(settings.uploadExpiry()));
    state.forget(upload.id());
    return staged;
  }

  /** The SHA-256 state after the first {@code offset} staged bytes, read back from storage. */
  private MessageDigest rehash(String id, long offset) {
    MessageDigest digest = sha256();
    if (offset == 0) {
      return digest;
    }
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = blobs.openStaged(id)) {
      long left = offset;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("The staged bytes of upload " + id + " end before byte " + offset);
        }
        digest.update(buffer, 0, n);
        left -= n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the staged bytes of an upload failed", e);
    }
    return digest;
  }

  private void abandon(String id) {
    records.delete(id);
    state.forget(id);
    deleteStagedQuietly(id);
  }

  private static ResumableUploadException offsetMismatch(long durable, long asked) {
    return new ResumableUploadException(
        ResumableUploadException.Reason.OFFSET_MISMATCH,
        durable >= 0
            ? "The upload has " + durable + " bytes, so the next chunk starts at byte " + durable + ", not " + asked
                + "."
            : "Another request wrote to this upload meanwhile. Ask for its offset (HEAD) and go on from there.",
        durable);
  }

  private static ResumableUploadException tooLong(ResumableUpload upload, long offset) {
    return new ResumableUploadException(
        ResumableUploadException.Reason.TOO_LARGE,
        "The chunk goes past the upload's announced length of " + upload.length() + " bytes, so it was discarded.",
        offset);
  }

  private void discardQuietly(String id, long offset) {
    try {
      blobs.truncateStaged(id, offset);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not cut upload " + id + " back to " + offset + "; the next append will", e);
    }
  }

  private void deleteStagedQuietly(String id) {
    try {
      blobs.deleteStaged(id);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete the staged bytes of upload " + id + "; housekeeping will", e);
    }
  }

  private void deleteBlobQuietly(String blobId) {
    try {
      blobs.delete(blobId);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete blob " + blobId + "; the nightly sweep will", e);
    }
  }

  private static MessageDigest digestFor(String algorithm) {
    try {
      return switch (algorithm) {
        case "sha1" -> MessageDigest.getInstance("SHA-1");
        case "sha256" -> MessageDigest.getInstance("SHA-256");
        default -> throw new IllegalArgumentException("Unsupported checksum algorithm " + algorithm);
      };
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    return digestFor("sha256");
  }
}
