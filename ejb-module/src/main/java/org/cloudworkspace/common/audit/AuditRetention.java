package org.cloudworkspace.common.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.settings.SettingsService;

/** Deletes audit events older than the {@code audit.retentionDays} setting, every night and when an admin asks. */
@Singleton
public class AuditRetention {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject AuditLog audit;

  @Inject SettingsService settings;

  @Schedule(hour = "3", minute = "17", persistent = false, info = "audit retention")
  void nightly() {
    try {
      purge(null, null, ClientInfo.system());
    } catch (RuntimeException e) {
      LOG.warning("The nightly audit purge failed: " + e);
    }
  }

  /** Purges now by the current setting; returns how many events were deleted (0 when the setting keeps them all). */
  public int purge(String actorId, String actorName, ClientInfo client) {
    int days = settings.auditRetentionDays();
    if (days <= 0) {
      return 0;
    }
    Instant cutoff = Instant.now().minus(Duration.ofDays(days));
    int deleted = audit.purgeBefore(cutoff);
    audit.record(
        AuditType.AUDIT_PURGE, AuditOutcome.SUCCESS, actorId, actorName == null ? "system" : actorName, "audit log",
        client, deleted + " events older than " + days + " days deleted");
    LOG.info(() -> "Audit retention: deleted " + deleted + " events older than " + days + " days");
    return deleted;
  }
}
