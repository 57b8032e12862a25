package org.cloudworkspace.files;

import java.time.Duration;
import java.time.Instant;

/**
 * How long trash items and earlier versions are kept, as the run-time settings say at the moment of asking; a zero
 * duration keeps them until the user deletes them.
 */
public record Retention(Duration trash, Duration versions) {

  /** When a trash item deleted at {@code trashedAt} goes for good, or null when the trash is kept. */
  public Instant trashPurgeAt(Instant trashedAt) {
    return trash.isZero() || trashedAt == null ? null : trashedAt.plus(trash);
  }

  /** When a version archived at {@code archivedAt} is let go by age, or null when versions are kept by age. */
  public Instant versionExpiresAt(Instant archivedAt) {
    return versions.isZero() || archivedAt == null ? null : archivedAt.plus(versions);
  }
}
