package org.cloudworkspace.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.cloudworkspace.common.settings.SettingsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the files context. The default quota and the trash and version retention are run-time settings (an
 * admin's change applies without a restart, see {@link SettingsService}); the rest come from MicroProfile Config.
 */
@ApplicationScoped
public class FilesSettings {

  /** 10 GiB. */
  static final long DEFAULT_QUOTA = 10L * 1024 * 1024 * 1024;

  @Inject SettingsService runtime;

  @Inject
  @ConfigProperty(name = "FILES_VERSIONS_MAX_COUNT", defaultValue = "20")
  int versionsMaxCount;

  @Inject
  @ConfigProperty(name = "FILES_UPLOAD_EXPIRY_SECONDS", defaultValue = "86400")
  long uploadExpirySeconds;

  @Inject
  @ConfigProperty(name = "FILES_UPLOAD_MAX_BYTES", defaultValue = "1099511627776")
  long uploadMaxBytes;

  /** The quota of users without one of their own. */
  public long defaultQuota() {
    long bytes = runtime.defaultQuotaBytes();
    return bytes >= 0 ? bytes : DEFAULT_QUOTA;
  }

  /** How many earlier versions of a file are kept at most (at least 1). */
  public int versionsMaxCount() {
    return Math.max(1, versionsMaxCount);
  }

  /** How long an earlier version is kept; {@link Duration#ZERO} keeps versions regardless of age. */
  public Duration versionsMaxAge() {
    return Duration.ofDays(Math.max(0, runtime.versionRetentionDays()));
  }

  /** How long trash items are kept; {@link Duration#ZERO} keeps them until the user deletes them. */
  public Duration trashRetention() {
    return Duration.ofDays(Math.max(0, runtime.trashRetentionDays()));
  }

  /** How long a resumable upload waits for its next bytes before it is abandoned (at least 5 seconds). */
  public Duration uploadExpiry() {
    return Duration.ofSeconds(Math.max(5, uploadExpirySeconds));
  }

  /** The largest resumable upload accepted (Tus-Max-Size), whatever the quota. */
  public long uploadMaxBytes() {
    return uploadMaxBytes > 0 ? uploadMaxBytes : Long.MAX_VALUE;
  }
}
