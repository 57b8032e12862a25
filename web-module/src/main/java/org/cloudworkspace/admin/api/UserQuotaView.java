package org.cloudworkspace.admin.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.cloudworkspace.files.Usage;

/** A user's storage as admins see it: quota, usage, what is free, and whether the quota is the workspace default. */
@JsonbPropertyOrder({"userId", "quotaBytes", "usedBytes", "freeBytes", "usesDefault"})
public record UserQuotaView(String userId, long quotaBytes, long usedBytes, long freeBytes, boolean usesDefault) {

  static UserQuotaView from(String userId, Usage usage) {
    return new UserQuotaView(userId, usage.quotaBytes(), usage.usedBytes(), usage.freeBytes(), usage.defaultQuota());
  }
}
