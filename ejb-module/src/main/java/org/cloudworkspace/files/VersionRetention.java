package org.cloudworkspace.files;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which earlier versions of a file to let go: those beyond the newest {@code maxCount}, and those too old. */
final class VersionRetention {

  private VersionRetention() {}

  /**
   * The versions to delete from a file's versions listed newest first. {@code maxAge} of zero keeps versions
   * regardless of age.
   */
  static <T> List<T> toRemove(List<T> newestFirst, Function<T, Instant> archivedAt, Instant now, int maxCount,
      Duration maxAge) {
    List<T> remove = new ArrayList<>();
    Instant oldestKept = maxAge.isZero() ? Instant.MIN : now.minus(maxAge);
    for (int i = 0; i < newestFirst.size(); i++) {
      T version = newestFirst.get(i);
      if (i >= maxCount || archivedAt.apply(version).isBefore(oldestKept)) {
        remove.add(version);
      }
    }
    return remove;
  }
}
