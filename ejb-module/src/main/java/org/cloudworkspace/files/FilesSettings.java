package org.cloudworkspace.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the files context from MicroProfile Config; the environment wins. */
@ApplicationScoped
public class FilesSettings {

  /** 10 GiB. */
  static final long DEFAULT_QUOTA = 10L * 1024 * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "FILES_DEFAULT_QUOTA_BYTES", defaultValue = "10737418240")
  long defaultQuotaBytes;

  @Inject
  @ConfigProperty(name = "FILES_VERSIONS_MAX_COUNT", defaultValue = "20")
  int versionsMaxCount;

  @Inject
  @ConfigProperty(name = "FILES_VERSIONS_MAX_AGE_DAYS", defaultValue = "90")
  long versionsMaxAgeDays;

  @Inject
  @ConfigProperty(name = "FILES_TRASH_RETENTION_DAYS", defaultValue = "30")
  long trashRetentionDays;

  /** The quota of users without one of their own. */
  public long defaultQuota() {
    return defaultQuotaBytes >= 0 ? defaultQuotaBytes : DEFAULT_QUOTA;
  }

  /** How many earlier versions of a file are kept at most (at least 1). */
  public int versionsMaxCount() {
    return Math.max(1, versionsMaxCount);
  }

  /** How long an earlier version is kept; {@link Duration#ZERO} keeps versions regardless of age. */
  public Duration versionsMaxAge() {
    return Duration.ofDays(Math.max(0, versionsMaxAgeDays));
  }

  /** How long trash items are kept; {@link Duration#ZERO} keeps them until the user deletes them. */
  public Duration trashRetention() {
    return Duration.ofDays(Math.max(0, trashRetentionDays));
  }
}
