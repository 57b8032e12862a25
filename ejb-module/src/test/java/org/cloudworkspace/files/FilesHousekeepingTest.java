package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up and nightly sweeps: temp files of interrupted writes go, and so do old blobs no row refers to. */
class FilesHousekeepingTest {

  @TempDir Path dir;

  @Test
  void startUpRemovesEveryTempFileOfAnInterruptedWrite() throws Exception {
    FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, 3);
    Path temp = store.pathOf(blob.id()).resolveSibling(".3c5e1c9a-8a7e-4a57-9d8c-1a2b3c4d5e6f.tmp");
    Files.write(temp, new byte[] {9});

    FilesHousekeeping housekeeping = new FilesHousekeeping();
    housekeeping.blobs = store;
    housekeeping.uploads = uploadsWithPending(store, Set.of());
    housekeeping.sweepLeftovers();

    assertThat(temp).doesNotExist();
    assertThat(store.exists(blob.id())).isTrue();
  }

  @Test
  void startUpRemovesStagedBytesOfUploadsThatAreNoLongerPending() throws Exception {
    FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
    String pending = "11111111-2222-4333-8444-555555555555";
    String finished = "66666666-7777-4888-8999-aaaaaaaaaaaa";
    store.appendStaged(pending, 0, new ByteArrayInputStream(new byte[] {1, 2}), 10);
    store.appendStaged(finished, 0, new ByteArrayInputStream(new byte[] {3}), 10);

    FilesHousekeeping housekeeping = new FilesHousekeeping();
    housekeeping.blobs = store;
    housekeeping.uploads = uploadsWithPending(store, Set.of(pending));
    housekeeping.sweepLeftovers();

    assertThat(store.stagedLength(pending)).isEqualTo(2);
    assertThat(store.stagingRoot().resolve(finished)).doesNotExist();
  }

  @Test
  void expiredUploadsAreLookedForAtHalfTheirExpiryWithinBounds() {
    assertThat(FilesHousekeeping.uploadSweepInterval(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(10));
    assertThat(FilesHousekeeping.uploadSweepInterval(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(5));
    assertThat(FilesHousekeeping.uploadSweepInterval(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(10));
  }

  private static ResumableUploads uploadsWithPending(BlobStore store, Set<String> pendingIds) {
    ResumableUploads uploads = new ResumableUploads();
    uploads.blobs = store;
    uploads.state = new UploadState();
    uploads.records =
        new UploadRecords() {
          @Override
          public Set<String> pending(Collection<String> ids) {
            Set<String> result = new HashSet<>(ids);
            result.retainAll(pendingIds);
            return result;
          }
        };
    return uploads;
  }

  @Test
  void theNightlySweepDeletesOnlyOldUnreferencedBlobs() throws Exception {
    FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
    String referencedOld = write(store, Duration.ofDays(3));
    String orphanOld = write(store, Duration.ofDays(3));
    String orphanNew = write(store, Duration.ZERO);
    Set<String> referenced = new HashSet<>(Set.of(referencedOld));

    FilesHousekeeping housekeeping = new FilesHousekeeping();
    housekeeping.blobs = store;
    housekeeping.writes =
        new FileWrites() {
          @Override
          public Set<String> unreferenced(Collection<String> blobIds) {
            Set<String> result = new HashSet<>(blobIds);
            result.removeAll(referenced);
            return result;
          }
        };

    int deleted = housekeeping.deleteUnreferencedBlobs(Instant.now().minus(Duration.ofDays(1)));

    assertThat(deleted).isEqualTo(1);
    assertThat(store.exists(orphanOld)).isFalse();
    assertThat(store.exists(referencedOld)).isTrue();
    assertThat(store.exists(orphanNew)).as("may belong to a write not yet recorded").isTrue();
  }

  private static String write(FileSystemBlobStore store, Duration age) throws Exception {
    BlobStore.StoredBlob blob = store.write(new ByteArrayInputStream(new byte[] {7}), 1, 1);
    Files.setLastModifiedTime(store.pathOf(blob.id()), FileTime.from(Instant.now().minus(age)));
    return blob.id();
  }
}
