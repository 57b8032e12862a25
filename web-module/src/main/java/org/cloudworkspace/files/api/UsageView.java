package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.cloudworkspace.files.Usage;

/** Storage use in bytes: files, trash and versions count; freeBytes is what the quota still allows. */
@JsonbPropertyOrder({"usedBytes", "quotaBytes", "freeBytes"})
public record UsageView(long usedBytes, long quotaBytes, long freeBytes) {

  public static UsageView from(Usage usage) {
    return new UsageView(usage.usedBytes(), usage.quotaBytes(), usage.freeBytes());
  }
}
