package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem blob store: complete blobs or nothing, whatever goes wrong while bytes arrive. */
class FileSystemBlobStoreTest {

  @TempDir Path dir;

  private FileSystemBlobStore store;

  @BeforeEach
  void create() {
    store = new FileSystemBlobStore(dir.resolve("blobs"));
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private List<Path> filesOnDisk() throws IOException {
    try (Stream<Path> files = Files.walk(store.root())) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void storesTheExactBytesUnderARandomShardedIdWithSizeAndSha256() throws Exception {
    byte[] content = random(1_000_003);
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(content), content.length, Long.MAX_VALUE);

    assertThat(blob.size()).isEqualTo(content.length);
    assertThat(blob.sha256()).isEqualTo(sha256(content));
    Path path = store.pathOf(blob.id());
    assertThat(store.root().relativize(path).toString())
        .isEqualTo(blob.id().substring(0, 2) + "/" + blob.id().substring(2, 4) + "/" + blob.id());
    try (InputStream in = store.open(blob.id())) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(filesOnDisk()).containsExactly(path);
  }

  @Test
  void aBodyOfUnknownLengthIsStoredWhole() throws Exception {
    byte[] content = random(70_000);
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(content), -1, 100_000);
    assertThat(blob.size()).isEqualTo(70_000);
    assertThat(blob.sha256()).isEqualTo(sha256(content));
  }

  @Test
  void anEmptyBodyIsAValidBlob() throws Exception {
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(new byte[0]), 0, 0);
    assertThat(blob.size()).isZero();
    assertThat(blob.sha256()).isEqualTo(sha256(new byte[0]));
    assertThat(store.exists(blob.id())).isTrue();
  }

  @Test
  void aBodyShorterThanAnnouncedLeavesNothing() throws Exception {
    assertThatThrownBy(() -> store.write(new ByteArrayInputStream(random(10)), 100, Long.MAX_VALUE))
        .isInstanceOfSatisfying(
            BlobStore.IncompleteBodyException.class,
            e -> {
              assertThat(e.received()).isEqualTo(10);
              assertThat(e.expected()).isEqualTo(100);
            });
    assertThat(filesOnDisk()).isEmpty();
  }

  @Test
  void aBodyLongerThanAnnouncedLeavesNothing() throws Exception {
    assertThatThrownBy(() -> store.write(new ByteArrayInputStream(random(10)), 5, Long.MAX_VALUE))
        .isInstanceOf(BlobStore.BodyTooLongException.class);
    assertThat(filesOnDisk()).isEmpty();
  }

  @Test
  void exceedingTheLimitStopsReadingAndLeavesNothing() throws Exception {
    CountingStream source = new CountingStream(new ByteArrayInputStream(random(5_000_000)));
    assertThatThrownBy(() -> store.write(source, -1, 1000))
        .isInstanceOfSatisfying(BlobStore.LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(1000));
    assertThat(source.read).as("reading stops within one buffer (1 MiB) of the limit").isLessThanOrEqualTo(1000 + 1024 * 1024);
    assertThat(filesOnDisk()).isEmpty();
  }

  @Test
  void aBrokenSourceLeavesNothing() throws Exception {
    InputStream broken =
        new InputStream() {
          private int calls;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (++calls > 3) {
              throw new IOException("Connection reset by peer");
            }
            return Math.min(len, 1000);
          }
        };
    assertThatThrownBy(() -> store.write(broken, 1_000_000, Long.MAX_VALUE))
        .isInstanceOf(BlobStore.SourceReadException.class);
    assertThat(filesOnDisk()).isEmpty();
  }

  /**
   * Large bodies are hashed and written on other threads while the next chunk is read (and flushed to disk in steps
   * while they arrive): the bytes and the hash are exact whatever sizes the reads return, announced or not.
   */
  @Test
  void largeBodiesArriveExactlyThroughThePipelineWhateverTheReadSizes() throws Exception {
    byte[] content = random(40_000_017);
    BlobStore.StoredBlob announced =
        store.write(new OddReads(new ByteArrayInputStream(content)), content.length, Long.MAX_VALUE);
    BlobStore.StoredBlob unannounced = store.write(new OddReads(new ByteArrayInputStream(content)), -1, Long.MAX_VALUE);

    for (BlobStore.StoredBlob blob : List.of(announced, unannounced)) {
      assertThat(blob.size()).isEqualTo(content.length);
      assertThat(blob.sha256()).isEqualTo(sha256(content));
      try (InputStream in = store.open(blob.id())) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
    }
    assertThat(filesOnDisk()).hasSize(2);
  }

  @Test
  void aLargeBodyThatBreaksOffOrRunsLongLeavesNothing() throws Exception {
    byte[] content = random(6_000_000);
    InputStream breaking = new SequenceOfFailure(new ByteArrayInputStream(content, 0, 3_000_000));
    assertThatThrownBy(() -> store.write(breaking, content.length, Long.MAX_VALUE))
        .isInstanceOf(BlobStore.SourceReadException.class);
    assertThatThrownBy(() -> store.write(new ByteArrayInputStream(content), 5_000_000, Long.MAX_VALUE))
        .isInstanceOf(BlobStore.BodyTooLongException.class);
    assertThatThrownBy(() -> store.write(new ByteArrayInputStream(content), 7_000_000, Long.MAX_VALUE))
        .isInstanceOf(BlobStore.IncompleteBodyException.class);
    assertThatThrownBy(() -> store.write(new ByteArrayInputStream(content), 6_000_000, 4_000_000))
        .isInstanceOf(BlobStore.LimitExceededException.class);
    assertThat(filesOnDisk()).isEmpty();
  }

  @Test
  void aLargeStagedAppendKeepsExactlyWhatArrivedBeforeTheBreakWithItsHash() throws Exception {
    byte[] content = random(5_000_000);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    BlobStore.Appended partial = store.appendStaged(UPLOAD, 0,
        new SequenceOfFailure(new OddReads(new ByteArrayInputStream(content, 0, 3_333_333))), 5_000_000, digest);

    assertThat(partial).isEqualTo(new BlobStore.Appended(3_333_333, false));
    assertThat(store.stagedLength(UPLOAD)).isEqualTo(3_333_333);
    MessageDigest rest = MessageDigest.getInstance("SHA-256");
    rest.update(content, 0, 3_333_333);
    assertThat(digest.digest()).isEqualTo(rest.digest());
    try (InputStream in = store.openStaged(UPLOAD)) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(content, 3_333_333));
    }
  }

  @Test
  void untilTheWriteCompletesOnlyATempFileInTheBlobsOwnFolderExists() throws Exception {
    AtomicReference<List<Path>> seenMidway = new AtomicReference<>();
    byte[] content = random(600_000);
    InputStream source =
        new ByteArrayInputStream(content) {
          private int calls;

          @Override
          public synchronized int read(byte[] b, int off, int len) {
            if (++calls == 2) {
              try {
                seenMidway.set(filesOnDisk());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            }
            return super.read(b, off, len);
          }
        };
    BlobStore.StoredBlob blob = store.write(source, content.length, Long.MAX_VALUE);

    Path finalPath = store.pathOf(blob.id());
    assertThat(seenMidway.get()).hasSize(1);
    Path temp = seenMidway.get().get(0);
    assertThat(temp.getParent()).as("same folder, so the rename is atomic").isEqualTo(finalPath.getParent());
    assertThat(temp.getFileName().toString()).isEqualTo("." + blob.id() + ".tmp");
    assertThat(filesOnDisk()).containsExactly(finalPath);
  }

  @Test
  void theSweepRemovesIdleTempFilesAndNothingElse() throws Exception {
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(random(100)), 100, 100);
    Path folder = store.pathOf(blob.id()).getParent();
    Path old = Files.writeString(folder.resolve(".0b5e1c9a-8a7e-4a57-9d8c-1a2b3c4d5e6f.tmp"), "partial");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Path fresh = Files.writeString(folder.resolve(".1c5e1c9a-8a7e-4a57-9d8c-1a2b3c4d5e6f.tmp"), "in progress");

    assertThat(store.sweepTemporaryFiles(Duration.ofHours(1))).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(fresh).exists();

    assertThat(store.sweepTemporaryFiles(Duration.ZERO)).isEqualTo(1);
    assertThat(fresh).doesNotExist();
    assertThat(store.exists(blob.id())).isTrue();
  }

  @Test
  void derivedFilesGoWithTheirBlobAndTheSweepTakesThoseLeftBehind() throws Exception {
    BlobStore.StoredBlob kept = store.write(new ByteArrayInputStream(random(10)), 10, 10);
    BlobStore.StoredBlob deleted = store.write(new ByteArrayInputStream(random(10)), 10, 10);
    Path keptThumbnail = writeDerived(kept.id(), "thumb-64.png");
    Path deletedThumbnail = writeDerived(deleted.id(), "thumb-64.png");
    Path deletedLarge = writeDerived(deleted.id(), "thumb-256.png");

    store.delete(deleted.id());
    assertThat(deletedThumbnail).doesNotExist();
    assertThat(deletedLarge).doesNotExist();
    assertThat(keptThumbnail).exists();

    // Made while its blob was being deleted, and a temp file of a thumbnail write that broke off.
    Path late = writeDerived(deleted.id(), "thumb-64.png");
    Path temp = Files.writeString(keptThumbnail.resolveSibling(".6f1c2b3a-0000-4000-8000-000000000000.tmp"), "x");
    assertThat(store.sweepTemporaryFiles(Duration.ofHours(1))).isZero();
    assertThat(store.sweepTemporaryFiles(Duration.ZERO)).isEqualTo(2);
    assertThat(late).doesNotExist();
    assertThat(temp).doesNotExist();
    assertThat(keptThumbnail).exists();

    assertThatThrownBy(() -> store.derivedPath(kept.id(), "../escape")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.derivedPath("../x", "thumb-64.png")).isInstanceOf(IllegalArgumentException.class);
  }

  private Path writeDerived(String blobId, String variant) throws IOException {
    Path path = store.derivedPath(blobId, variant);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, variant);
  }

  @Test
  void aCopyKeepsItsBytesWhenTheOriginalIsDeleted() throws Exception {
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    BlobStore.StoredBlob original = store.write(new ByteArrayInputStream(content), 5, 5);
    String copy = store.copy(original.id());

    assertThat(copy).isNotEqualTo(original.id());
    store.delete(original.id());
    assertThat(store.exists(original.id())).isFalse();
    try (InputStream in = store.open(copy)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(Files.getLastModifiedTime(store.pathOf(copy)).toInstant())
        .isAfter(Instant.now().minus(Duration.ofMinutes(1)));
  }

  @Test
  void rangesReadExactlyTheAskedBytes() throws Exception {
    byte[] content = "0123456789".getBytes(StandardCharsets.US_ASCII);
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(content), 10, 10);
    try (InputStream in = store.open(blob.id(), 3, 4)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
    }
    try (InputStream in = store.open(blob.id(), 8, 100)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("89");
    }
  }

  @Test
  void idsThatAreNotBlobIdsNeverReachTheFileSystem() throws Exception {
    Files.writeString(dir.resolve("secret.txt"), "secret");
    assertThatThrownBy(() -> store.open("../secret.txt")).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.open("../../" + dir.getFileName() + "/secret.txt"))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.pathOf("..")).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.exists("../secret.txt")).isFalse();
    store.delete("../secret.txt");
    assertThat(dir.resolve("secret.txt")).exists();
  }

  @Test
  void deletingIsIdempotent() throws Exception {
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(random(10)), 10, 10);
    store.delete(blob.id());
    store.delete(blob.id());
    assertThat(store.exists(blob.id())).isFalse();
    assertThatThrownBy(() -> store.open(blob.id())).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void listsOnlyBlobsWrittenBeforeTheCutoff() throws Exception {
    BlobStore.StoredBlob old = store.write(new ByteArrayInputStream(random(10)), 10, 10);
    BlobStore.StoredBlob recent = store.write(new ByteArrayInputStream(random(10)), 10, 10);
    Files.setLastModifiedTime(store.pathOf(old.id()), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Files.writeString(store.pathOf(old.id()).resolveSibling(".2c5e1c9a-8a7e-4a57-9d8c-1a2b3c4d5e6f.tmp"), "x");
    Files.setLastModifiedTime(
        store.pathOf(old.id()).resolveSibling(".2c5e1c9a-8a7e-4a57-9d8c-1a2b3c4d5e6f.tmp"),
        FileTime.from(Instant.now().minus(Duration.ofDays(2))));

    try (Stream<BlobStore.BlobListing> listing = store.blobsWrittenBefore(Instant.now().minus(Duration.ofDays(1)))) {
      assertThat(listing.map(BlobStore.BlobListing::id).toList()).containsExactly(old.id());
    }
    assertThat(recent.id()).isNotEqualTo(old.id());
  }

  private static final String UPLOAD = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

  @Test
  void appendsStagedBytesAtTheOffsetAndCutsAwayWhatACrashLeftUnrecorded() throws Exception {
    byte[] content = random(300_000);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    BlobStore.Appended first =
        store.appendStaged(UPLOAD, 0, new ByteArrayInputStream(content, 0, 200_000), 300_000, digest);
    assertThat(first).isEqualTo(new BlobStore.Appended(200_000, true));
    // Bytes past the recorded offset of 100,000 (as if a crash came before the offset was recorded) are replaced.
    MessageDigest fromHundred = MessageDigest.getInstance("SHA-256");
    fromHundred.update(content, 0, 100_000);
    BlobStore.Appended second =
        store.appendStaged(UPLOAD, 100_000, new ByteArrayInputStream(content, 100_000, 200_000), 200_000, fromHundred);
    assertThat(second.bytes()).isEqualTo(200_000);
    assertThat(store.stagedLength(UPLOAD)).isEqualTo(300_000);

    BlobStore.StoredBlob blob = store.commitStaged(UPLOAD, 300_000, HexFormat.of().formatHex(fromHundred.digest()));
    try (InputStream in = store.open(blob.id())) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(blob.sha256()).isEqualTo(sha256(content));
    store.deleteStaged(UPLOAD);
    assertThat(store.stagedLength(UPLOAD)).isZero();
    assertThat(store.exists(blob.id())).isTrue();
  }

  @Test
  void keepsWhatArrivedBeforeTheSourceBrokeAndCutsBackABodyOverTheLimit() throws Exception {
    byte[] content = random(100_000);
    InputStream breaking =
        new InputStream() {
          int served;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (served >= 70_000) {
              throw new IOException("connection reset");
            }
            int n = Math.min(len, 70_000 - served);
            System.arraycopy(content, served, b, off, n);
            served += n;
            return n;
          }
        };
    BlobStore.Appended partial = store.appendStaged(UPLOAD, 0, breaking, 100_000);
    assertThat(partial).isEqualTo(new BlobStore.Appended(70_000, false));
    assertThat(store.stagedLength(UPLOAD)).isEqualTo(70_000);

    assertThatThrownBy(() -> store.appendStaged(UPLOAD, 70_000, new ByteArrayInputStream(content), 30_000))
        .isInstanceOf(BlobStore.LimitExceededException.class);
    assertThat(store.stagedLength(UPLOAD)).isEqualTo(70_000);
    assertThatThrownBy(() -> store.appendStaged(UPLOAD, 80_000, new ByteArrayInputStream(content), 30_000))
        .isInstanceOf(BlobStore.StagedBytesMissingException.class);
  }

  /** Counts what the store read from the source. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long read;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
      }
      return n;
    }
  }

  /** Reads of varying odd sizes, as a socket gives them. */
  private static final class OddReads extends java.io.FilterInputStream {
    private int next = 1;

    OddReads(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      next = next * 7 % 100_003 + 1;
      return super.read(b, off, Math.min(len, next));
    }
  }

  /** The bytes of {@code in}, then a broken connection. */
  private static final class SequenceOfFailure extends java.io.FilterInputStream {
    SequenceOfFailure(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0) {
        throw new IOException("Connection reset by peer");
      }
      return n;
    }
  }
}
