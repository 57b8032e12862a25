package org.cloudworkspace.files;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps storage tidy. At start-up: removes temp files of writes a crash interrupted and staged bytes no pending
 * resumable upload owns. Every few minutes (half the upload expiry, at most ten minutes): removes resumable uploads
 * past their expiry. Hourly: removes idle temp files, trash items past the retention time and versions past their
 * maximum age (both as the run-time settings say at that moment). Nightly: deletes blobs that no file or
 * version refers to (left by a crash between writing bytes and recording them, or between deleting a row and its
 * bytes), once they are a day old so that no write in progress is touched.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FilesHousekeeping {

  private static final Logger LOG = Logger.getLogger(FilesHousekeeping.class.getName());
  private static final Duration IDLE_TEMP = Duration.ofHours(1);
  private static final Duration ORPHAN_MIN_AGE = Duration.ofDays(1);
  private static final int BATCH = 500;

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject BlobStore blobs;

  @Inject FileWrites writes;

  @Inject FilesSettings settings;

  @Inject ResumableUploads uploads;

  @Resource TimerService timers;

  @PostConstruct
  void atStartup() {
    sweepLeftovers();
    long every = uploadSweepInterval(settings.uploadExpiry()).toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("expired-uploads", false));
  }

  /** What a crash can leave behind: temp files of blob writes, staged bytes of uploads that finished or went. */
  void sweepLeftovers() {
    try {
      int removed = blobs.sweepTemporaryFiles(Duration.ZERO);
      if (removed > 0) {
        LOG.info(() -> "Removed " + removed + " temp files of interrupted uploads");
      }
      int orphans = uploads.sweepOrphanedStaging(Duration.ZERO);
      if (orphans > 0) {
        LOG.info(() -> "Removed the staged bytes of " + orphans + " finished or removed resumable uploads");
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not sweep temp files of interrupted uploads", e);
    }
  }

  /** How often expired uploads are looked for: half their expiry, between 5 seconds and 10 minutes. */
  static Duration uploadSweepInterval(Duration expiry) {
    Duration half = expiry.dividedBy(2);
    Duration min = Duration.ofSeconds(5);
    Duration max = Duration.ofMinutes(10);
    return half.compareTo(min) < 0 ? min : half.compareTo(max) > 0 ? max : half;
  }

  @Timeout
  void sweepExpiredUploads() {
    try {
      int removed = uploads.sweepExpired();
      if (removed > 0) {
        LOG.fine(() -> "Removed " + removed + " expired resumable uploads");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sweeping expired resumable uploads failed; it runs again shortly", e);
    }
  }

  @Schedule(hour = "*", minute = "17", persistent = false)
  void hourly() {
    try {
      blobs.sweepTemporaryFiles(IDLE_TEMP);
      uploads.sweepOrphanedStaging(IDLE_TEMP);
      purgeExpiredTrash();
      expireOldVersions();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Hourly files housekeeping failed; it runs again in an hour", e);
    }
  }

  @Schedule(hour = "3", minute = "41", persistent = false)
  void nightly() {
    try {
      int deleted = deleteUnreferencedBlobs(Instant.now().minus(ORPHAN_MIN_AGE));
      if (deleted > 0) {
        LOG.info(() -> "Deleted " + deleted + " blobs no file or version referred to");
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Nightly sweep of unreferenced blobs failed", e);
    }
  }

  void purgeExpiredTrash() {
    if (settings.trashRetention().isZero()) {
      return;
    }
    Instant cutoff = Instant.now().minus(settings.trashRetention());
    List<Object[]> expired =
        em.createQuery(
                "SELECT n.ownerId, n.id FROM FileNode n WHERE n.trashedAt < :cutoff AND n.trashId = n.id",
                Object[].class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(10_000)
            .getResultList();
    for (Object[] row : expired) {
      writes.purgeExpiredTrashItem((String) row[0], (String) row[1]);
    }
  }

  void expireOldVersions() {
    if (settings.versionsMaxAge().isZero()) {
      return;
    }
    Instant cutoff = Instant.now().minus(settings.versionsMaxAge());
    List<Object[]> expired =
        em.createQuery("SELECT v.ownerId, v.id FROM FileVersion v WHERE v.archivedAt < :cutoff", Object[].class)
            .setParameter("cutoff", cutoff)
            .setMaxResults(10_000)
            .getResultList();
    Map<String, List<String>> byOwner = new LinkedHashMap<>();
    for (Object[] row : expired) {
      byOwner.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    byOwner.forEach(writes::expireVersions);
  }

  int deleteUnreferencedBlobs(Instant writtenBefore) throws IOException {
    int deleted = 0;
    try (Stream<BlobStore.BlobListing> listing = blobs.blobsWrittenBefore(writtenBefore)) {
      List<String> batch = new ArrayList<>(BATCH);
      for (BlobStore.BlobListing blob : (Iterable<BlobStore.BlobListing>) listing::iterator) {
        batch.add(blob.id());
        if (batch.size() == BATCH) {
          deleted += deleteIfUnreferenced(batch);
          batch.clear();
        }
      }
      deleted += deleteIfUnreferenced(batch);
    }
    return deleted;
  }

  private int deleteIfUnreferenced(List<String> batch) throws IOException {
    if (batch.isEmpty()) {
      return 0;
    }
    Set<String> unreferenced = writes.unreferenced(batch);
    for (String id : unreferenced) {
      blobs.delete(id);
    }
    return unreferenced.size();
  }
}
