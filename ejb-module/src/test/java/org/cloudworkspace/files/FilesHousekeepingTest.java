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
    housekeeping.atStartup();

    assertThat(temp).doesNotExist();
    assertThat(store.exists(blob.id())).isTrue();
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
