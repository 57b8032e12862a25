package org.cloudworkspace.files;

/**
 * A user's storage use: bytes stored (files, trash and versions), the quota that applies, what is left, and whether
 * the quota is the workspace default (rather than the user's own).
 */
public record Usage(long usedBytes, long quotaBytes, long freeBytes, boolean defaultQuota) {

  static Usage of(StorageAccount account, long defaultQuota) {
    return new Usage(
        account.usedBytes(), account.quota(defaultQuota), account.free(defaultQuota), account.quotaOverride() == null);
  }
}
