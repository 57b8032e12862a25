package org.cloudworkspace.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.QuotaChange;
import org.cloudworkspace.files.Usage;

/** What admins do with users' storage quotas. Every change is audited with the acting admin and before/after. */
@Stateless
public class QuotaAdministration {

  @Inject UserDirectory users;

  @Inject FileService files;

  @Inject AuditLog audit;

  /** Sets a user's storage quota in bytes, or returns it to the workspace default with null. */
  public QuotaChange changeQuota(String actorId, String userId, Long quotaBytes, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    UserAccount target = users.require(userId);
    QuotaChange change = files.changeQuota(target.id(), quotaBytes);
    audit.record(
        AuditType.ADMIN_USER_QUOTA, AuditOutcome.SUCCESS, actor.id(), actor.username(), target.username(), client,
        "quota " + label(change.before()) + " -> " + label(change.after()));
    return change;
  }

  /** A user's storage usage and quota. */
  public Usage storageOf(String userId) {
    return files.usageOf(users.require(userId).id());
  }

  private static String label(Long bytes) {
    return bytes == null ? "default" : bytes + " bytes";
  }
}
