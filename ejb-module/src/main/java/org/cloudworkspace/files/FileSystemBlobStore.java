package org.cloudworkspace.files;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cloudworkspace.common.config.WorkspaceSettings;

/**
 * Blobs as files under {@code <data folder>/storage/blobs}, sharded by the first four hex digits of their random id
 * ({@code ab/cd/abcd…}). A write goes to a temp file in the blob's own folder, is fsynced, atomically renamed to its
 * final name, and the folder is fsynced; a crash at any point leaves either the complete blob or a temp file that the
 * sweep removes. Resumable uploads stage their bytes in {@code <data folder>/storage/staging}, one file per upload
 * named by the upload's random id; on the same file system, so that a complete upload becomes a blob by a hard link.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

  private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class.getName());
  private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int BUFFER_BYTES = 1024 * 1024;
  private static final int MIN_BUFFER_BYTES = 8 * 1024;
  /** Bodies from this size on are read and written on two threads ({@link ChunkPipe}). */
  private static final long PIPELINE_MIN_BYTES = 1024 * 1024;

  @Inject WorkspaceSettings settings;

  private Path root;

  private Path staging;

  private static final Pattern DERIVED_VARIANT = Pattern.compile("[a-z0-9][a-z0-9.-]{0,31}");

  private volatile FileStore fileStore;

  /** For CDI. */
  protected FileSystemBlobStore() {}

  /** A store rooted at {@code blobRoot}, which is created when missing. */
  public FileSystemBlobStore(Path blobRoot) {
    this.root = blobRoot.toAbsolutePath().normalize();
    createRoot();
  }

  @PostConstruct
  void init() {
    root = settings.dataDir().resolve("storage").resolve("blobs");
    createRoot();
  }

  private void createRoot() {
    staging = root.resolveSibling("staging");
    try {
      Files.createDirectories(root);
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the storage folder " + root, e);
    }
  }

  /** The folder holding the blobs. */
  public Path root() {
    return root;
  }

  @Override
  public StoredBlob write(InputStream source, long expectedLength, long maxBytes) throws IOException {
    String id = UUID.randomUUID().toString();
    Path target = pathOf(id);
    Path folder = target.getParent();
    ensureFolder(folder);
    Path temp = folder.resolve("." + id + TEMP_SUFFIX);
    MessageDigest digest = sha256();
    long count;
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        try (Writeback writeback = new Writeback(out)) {
          count = copy(source, out, digest, expectedLength, maxBytes, writeback);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      syncFolder(folder);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp);
      deleteQuietly(target);
      throw e;
    }
    return new StoredBlob(id, count, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Copies the body into the temp file, counting and hashing, and enforcing the announced length and the limit. Large
   * or unannounced bodies are hashed and written by a {@link ChunkPipe} while the next chunk is read.
   */
  private static long copy(InputStream source, FileChannel out, MessageDigest digest, long expectedLength,
      long maxBytes, Writeback writeback) throws IOException {
    // With a known length read one byte past it, so that a longer body is noticed rather than cut silently.
    long readLimit = expectedLength >= 0 ? expectedLength + 1 : Long.MAX_VALUE;
    if (expectedLength >= 0 && expectedLength < PIPELINE_MIN_BYTES) {
      return copyHere(source, out, digest, expectedLength, maxBytes, readLimit);
    }
    long count = 0;
    try (ChunkPipe pipe = new ChunkPipe(out, writeback, digest)) {
      boolean end = false;
      while (!end && count < readLimit) {
        byte[] buffer = pipe.buffer();
        int filled = 0;
        while (filled < buffer.length && count + filled < readLimit) {
          int n;
          try {
            n = source.read(buffer, filled, (int) Math.min(buffer.length - filled, readLimit - count - filled));
          } catch (IOException e) {
            throw new SourceReadException(e);
          }
          if (n < 0) {
            end = true;
            break;
          }
          filled += n;
          checkLength(count + filled, expectedLength, maxBytes);
        }
        pipe.submit(buffer, filled);
        count += filled;
      }
      pipe.finish();
    }
    if (expectedLength >= 0 && count < expectedLength) {
      throw new IncompleteBodyException(count, expectedLength);
    }
    return count;
  }

  /** {@link #copy} of a small body on the caller's thread. */
  private static long copyHere(InputStream source, FileChannel out, MessageDigest digest, long expectedLength,
      long maxBytes, long readLimit) throws IOException {
    byte[] buffer = new byte[bufferFor(expectedLength)];
    long count = 0;
    while (count < readLimit) {
      int n;
      try {
        n = source.read(buffer, 0, (int) Math.min(buffer.length, readLimit - count));
      } catch (IOException e) {
        throw new SourceReadException(e);
      }
      if (n < 0) {
        break;
      }
      count += n;
      checkLength(count, expectedLength, maxBytes);
      digest.update(buffer, 0, n);
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        out.write(chunk);
      }
    }
    if (expectedLength >= 0 && count < expectedLength) {
      throw new IncompleteBodyException(count, expectedLength);
    }
    return count;
  }

  private static void checkLength(long count, long expectedLength, long maxBytes) throws IOException {
    if (expectedLength >= 0 && count > expectedLength) {
      throw new BodyTooLongException(expectedLength);
    }
    if (count > maxBytes) {
      throw new LimitExceededException(maxBytes);
    }
  }

  /** A buffer as large as the body (plus the byte that tells a longer one), at most {@link #BUFFER_BYTES}. */
  private static int bufferFor(long expectedLength) {
    if (expectedLength < 0 || expectedLength >= BUFFER_BYTES) {
      return BUFFER_BYTES;
    }
    return (int) Math.max(MIN_BUFFER_BYTES, expectedLength + 1);
  }

  @Override
  public String copy(String id) throws IOException {
    Path source = existing(id);
    String copyId = UUID.randomUUID().toString();
    Path target = pathOf(copyId);
    Path folder = target.getParent();
    Files.createDirectories(folder);
    try {
      // Blobs never change, so two names for the same bytes are as good as two copies, and instant.
      Files.createLink(target, source);
    } catch (UnsupportedOperationException | IOException linkFailed) {
      try (InputStream in = Files.newInputStream(source)) {
        return write(in, Files.size(source), Long.MAX_VALUE).id();
      }
    }
    // The link shares the source's modification time; a fresh one keeps the sweep of unreferenced blobs off it.
    Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
    syncFolder(folder);
    return copyId;
  }

  @Override
  public InputStream open(String id) throws IOException {
    return Files.newInputStream(existing(id));
  }

  @Override
  public InputStream open(String id, long offset, long length) throws IOException {
    FileChannel channel = channel(id);
    try {
      channel.position(offset);
      return new BoundedInputStream(Channels.newInputStream(channel), length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public FileChannel channel(String id) throws IOException {
    return FileChannel.open(existing(id), StandardOpenOption.READ);
  }

  @Override
  public boolean exists(String id) {
    return isBlobId(id) && Files.isRegularFile(pathOf(id));
  }

  @Override
  public void delete(String id) throws IOException {
    if (isBlobId(id)) {
      Files.deleteIfExists(pathOf(id));
      deleteDerived(id);
    }
  }

  @Override
  public Path derivedPath(String id, String variant) {
    if (!isBlobId(id) || !DERIVED_VARIANT.matcher(variant).matches()) {
      throw new IllegalArgumentException("Not a blob id or variant");
    }
    return derivedFolder(id).resolve(id + "." + variant);
  }

  private Path derivedFolder(String id) {
    return root.resolveSibling("derived").resolve(id.substring(0, 2)).resolve(id.substring(2, 4));
  }

  private void deleteDerived(String id) throws IOException {
    try (DirectoryStream<Path> derived = Files.newDirectoryStream(derivedFolder(id), id + ".*")) {
      for (Path path : derived) {
        Files.deleteIfExists(path);
      }
    } catch (NoSuchFileException e) {
      // Nothing was ever derived from a blob in this folder.
    }
  }

  @Override
  public int sweepTemporaryFiles(Duration minIdle) throws IOException {
    Instant cutoff = Instant.now().minus(minIdle);
    int removed = 0;
    try (Stream<Path> files = Files.find(root, 3, (path, attrs) -> attrs.isRegularFile() && isTempName(path))) {
      for (Path temp : (Iterable<Path>) files::iterator) {
        removed += deleteIfIdle(temp, cutoff);
      }
    }
    // Derived files: temp files of an interrupted thumbnail, and those of a blob deleted while they were made.
    Path derived = root.resolveSibling("derived");
    if (Files.isDirectory(derived)) {
      try (Stream<Path> files = Files.find(derived, 3, (path, attrs) -> attrs.isRegularFile())) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = file.getFileName().toString();
          int dot = name.indexOf('.');
          if (isTempName(file) || dot < 0 || !exists(name.substring(0, dot))) {
            removed += deleteIfIdle(file, cutoff);
          }
        }
      }
    }
    return removed;
  }

  private static int deleteIfIdle(Path file, Instant cutoff) throws IOException {
    try {
      if (!Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
        Files.deleteIfExists(file);
        return 1;
      }
    } catch (NoSuchFileException gone) {
      // finished or removed meanwhile
    }
    return 0;
  }


  @Override
  public Stream<BlobListing> blobsWrittenBefore(Instant before) throws IOException {
    return Files.find(root, 3, (path, attrs) -> attrs.isRegularFile() && isBlobId(path.getFileName().toString())
            && attrs.lastModifiedTime().toInstant().isBefore(before))
        .map(path -> new BlobListing(path.getFileName().toString(), lastModified(path)));
  }

  @Override
  public long usableSpace() throws IOException {
    FileStore store = fileStore;
    if (store == null) {
      // Finding the file store reads the mount table; the store itself answers the free space afresh every time.
      store = Files.getFileStore(root);
      fileStore = store;
    }
    return store.getUsableSpace();
  }

  // ---- Staged bytes of resumable uploads

  /** The folder holding staged uploads. */
  public Path stagingRoot() {
    return staging;
  }

  @Override
  public long stagedLength(String uploadId) throws IOException {
    try {
      return Files.size(stagedPath(uploadId));
    } catch (NoSuchFileException none) {
      return 0;
    }
  }

  @Override
  public Appended appendStaged(String uploadId, long offset, InputStream source, long maxBytes,
      MessageDigest... digests) throws IOException {
    Path path = stagedPath(uploadId);
    boolean created = !Files.exists(path);
    try (FileChannel out =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = out.size();
      if (size < offset) {
        throw new StagedBytesMissingException(size, offset);
      }
      if (size > offset) {
        out.truncate(offset);
      }
      out.position(offset);
      long count = 0;
      boolean complete = true;
      try (Writeback writeback = new Writeback(out); ChunkPipe pipe = new ChunkPipe(out, writeback, digests)) {
        boolean end = false;
        while (!end && complete) {
          byte[] buffer = pipe.buffer();
          int filled = 0;
          while (filled < buffer.length) {
            long allowed = maxBytes - count - filled;
            // Ask for one byte past the limit, so that a longer body is noticed rather than cut silently.
            int want = allowed >= buffer.length - filled ? buffer.length - filled : (int) allowed + 1;
            int n;
            try {
              n = source.read(buffer, filled, want);
            } catch (IOException e) {
              // The connection broke: what arrived is kept, and the client resumes from there.
              complete = false;
              break;
            }
            if (n < 0) {
              end = true;
              break;
            }
            if (count + filled + n > maxBytes) {
              throw new LimitExceededException(maxBytes);
            }
            filled += n;
          }
          pipe.submit(buffer, filled);
          count += filled;
        }
        pipe.finish();
      } catch (IOException | RuntimeException | Error e) {
        out.truncate(offset);
        out.force(true);
        throw e;
      }
      out.force(true);
      if (created) {
        syncFolder(staging);
      }
      return new Appended(count, complete);
    }
  }

  @Override
  public void truncateStaged(String uploadId, long length) throws IOException {
    Path path = stagedPath(uploadId);
    if (!Files.exists(path)) {
      return;
    }
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE)) {
      if (out.size() > length) {
        out.truncate(length);
        out.force(true);
      }
    }
  }

  @Override
  public InputStream openStaged(String uploadId) throws IOException {
    return Files.newInputStream(stagedPath(uploadId));
  }

  @Override
  public StoredBlob commitStaged(String uploadId, long length, String sha256) throws IOException {
    if (length == 0) {
      // An empty upload never staged anything.
      return write(InputStream.nullInputStream(), 0, 0);
    }
    Path source = stagedPath(uploadId);
    long size = Files.size(source);
    if (size < length) {
      throw new StagedBytesMissingException(size, length);
    }
    truncateStaged(uploadId, length);
    String id = UUID.randomUUID().toString();
    Path target = pathOf(id);
    Path folder = target.getParent();
    Files.createDirectories(folder);
    try {
      // The staged file was fsynced by its last append; a second name for it is a blob as soon as the name is durable.
      Files.createLink(target, source);
    } catch (UnsupportedOperationException | IOException linkFailed) {
      try (InputStream in = Files.newInputStream(source)) {
        StoredBlob copy = write(in, length, Long.MAX_VALUE);
        if (!copy.sha256().equals(sha256)) {
          delete(copy.id());
          throw new IOException("The staged bytes of upload " + uploadId + " changed while they were copied");
        }
        return copy;
      }
    }
    Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
    syncFolder(folder);
    return new StoredBlob(id, length, sha256);
  }

  @Override
  public void deleteStaged(String uploadId) throws IOException {
    Files.deleteIfExists(stagedPath(uploadId));
  }

  @Override
  public Stream<BlobListing> stagedUploads() throws IOException {
    return Files.find(staging, 1, (path, attrs) -> attrs.isRegularFile() && isBlobId(path.getFileName().toString()))
        .map(path -> new BlobListing(path.getFileName().toString(), lastModified(path)));
  }

  private Path stagedPath(String uploadId) {
    if (!isBlobId(uploadId)) {
      throw new IllegalArgumentException("Not an upload id");
    }
    return staging.resolve(uploadId);
  }

  /** Where a blob lives: {@code ab/cd/<id>} under the root, for a well-formed id only. */
  Path pathOf(String id) {
    if (!isBlobId(id)) {
      throw new IllegalArgumentException("Not a blob id");
    }
    return root.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
  }

  private Path existing(String id) throws IOException {
    if (!isBlobId(id)) {
      throw new NoSuchFileException("blob " + id);
    }
    Path path = pathOf(id);
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException("blob " + id);
    }
    return path;
  }

  static boolean isBlobId(String id) {
    return id != null && BLOB_ID.matcher(id).matches();
  }

  private static boolean isTempName(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
  }

  private static Instant lastModified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /** Creates a shard folder unless it exists (one stat, where createDirectories throws and catches an exception). */
  private static void ensureFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
    }
  }

  /** Makes a rename in the folder durable; file systems that cannot open folders (Windows) are skipped. */
  private static void syncFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      LOG.log(Level.FINE, "Cannot fsync folder " + folder, e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not remove " + path + "; the next sweep will", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads at most a given number of bytes from a stream. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long remaining;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, remaining));
      remaining -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), remaining);
    }
  }
}
