package org.cloudworkspace.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The storage port: immutable byte blobs addressed by internal random ids, never by user-supplied names. A blob is
 * either completely written and durable, or invisible. Blobs are never changed once written; new content is a new
 * blob.
 */
public interface BlobStore {

  /** A blob that is durable on storage: its id, its exact length and the SHA-256 of its bytes (hex). */
  record StoredBlob(String id, long size, String sha256) {}

  /** A blob found on storage, with the time it was last written, for the sweep of unreferenced blobs. */
  record BlobListing(String id, Instant lastModified) {}

  /** The body ended before the announced number of bytes arrived; nothing was stored. */
  final class IncompleteBodyException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long received;
    private final long expected;

    public IncompleteBodyException(long received, long expected) {
      super("The body ended after " + received + " of " + expected + " announced bytes");
      this.received = received;
      this.expected = expected;
    }

    public long received() {
      return received;
    }

    public long expected() {
      return expected;
    }
  }

  /** The body went on past the announced length; nothing was stored. */
  final class BodyTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLongException(long expected) {
      super("The body is longer than the announced " + expected + " bytes");
    }
  }

  /** The body went past the byte limit of the write; nothing was stored. */
  final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public LimitExceededException(long limit) {
      super("The body is longer than the limit of " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /** Reading the source failed (for example the client dropped the connection); nothing was stored. */
  final class SourceReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceReadException(IOException cause) {
      super("Reading the body failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * Streams {@code source} into a new blob. With {@code expectedLength} ≥ 0 the body must have exactly that many
   * bytes; in every case it may have at most {@code maxBytes}. Returns only once the bytes and the blob's name are
   * durable. On any failure nothing is left behind and an {@link IOException} says why.
   */
  StoredBlob write(InputStream source, long expectedLength, long maxBytes) throws IOException;

  /** A new blob with the same bytes as {@code id}, durable when this returns (a hard link where possible). */
  String copy(String id) throws IOException;

  /** Reads the whole blob. The caller closes the stream. */
  InputStream open(String id) throws IOException;

  /** Reads {@code length} bytes starting at {@code offset}. The caller closes the stream. */
  InputStream open(String id, long offset, long length) throws IOException;

  /** A read-only channel on the blob, for ranges and transfers. The caller closes it. */
  FileChannel channel(String id) throws IOException;

  boolean exists(String id);

  /** Removes a blob and the files derived from it; removing one that does not exist is not an error. */
  void delete(String id) throws IOException;

  /**
   * Where a file derived from a blob is kept (a thumbnail): {@code variant} names it among the blob's derived files
   * (letters, digits, dots and dashes). Its folder may not exist yet. It goes when the blob is deleted.
   */
  Path derivedPath(String id, String variant);

  /**
   * Removes temp files of writes that were interrupted (a crash), and derived files whose blob is gone, not touched for
   * at least {@code minIdle}.
   */
  int sweepTemporaryFiles(Duration minIdle) throws IOException;

  /**
   * The blobs last written before {@code before}, for finding those no file refers to any more. The caller closes
   * the stream.
   */
  Stream<BlobListing> blobsWrittenBefore(Instant before) throws IOException;

  /** Bytes the storage can still take, as the file system reports it. */
  long usableSpace() throws IOException;

  // ---- Staged bytes of resumable uploads, in a staging area on the same storage as the blobs

  /** What an append to staged bytes did: the bytes it took, and whether the body ended normally. */
  record Appended(long bytes, boolean bodyComplete) {}

  /** The staged bytes are shorter than the offset an append starts at (they were lost); nothing was written. */
  final class StagedBytesMissingException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long staged;

    public StagedBytesMissingException(long staged, long offset) {
      super("Only " + staged + " bytes are staged, not " + offset);
      this.staged = staged;
    }

    public long staged() {
      return staged;
    }
  }

  /** How many bytes are staged for an upload; 0 when none are. */
  long stagedLength(String uploadId) throws IOException;

  /**
   * Writes {@code source} into an upload's staged bytes at {@code offset}, after cutting away whatever lies past it
   * (bytes a crash left unrecorded), taking at most {@code maxBytes}; every byte also goes into the digests. What
   * was taken is durable when this returns. When reading the source fails (the client went away), what arrived is
   * kept and made durable and {@link Appended#bodyComplete()} is false. A body longer than {@code maxBytes} throws
   * {@link LimitExceededException} with the staged bytes cut back to {@code offset}.
   */
  Appended appendStaged(String uploadId, long offset, InputStream source, long maxBytes, MessageDigest... digests)
      throws IOException;

  /** Cuts an upload's staged bytes back to {@code length} (durably). */
  void truncateStaged(String uploadId, long length) throws IOException;

  /** Reads an upload's staged bytes. The caller closes the stream. */
  InputStream openStaged(String uploadId) throws IOException;

  /**
   * A new blob with the first {@code length} staged bytes of an upload, whose SHA-256 the caller computed while they
   * arrived; durable when this returns. The staged bytes stay until {@link #deleteStaged}.
   */
  StoredBlob commitStaged(String uploadId, long length, String sha256) throws IOException;

  /** Removes an upload's staged bytes; removing what does not exist is not an error. */
  void deleteStaged(String uploadId) throws IOException;

  /** Every upload with staged bytes, with when they last changed. The caller closes the stream. */
  Stream<BlobListing> stagedUploads() throws IOException;
}
