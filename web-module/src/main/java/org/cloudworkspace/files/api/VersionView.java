package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.FileVersion;
import org.cloudworkspace.files.Retention;

/**
 * Earlier content of a file: its size, SHA-256, when it was written, and when the retention setting (as it is now)
 * lets it go by age (null: not by age).
 */
@JsonbPropertyOrder({"id", "size", "sha256", "createdAt", "expiresAt"})
public record VersionView(String id, long size, String sha256, Instant createdAt, Instant expiresAt) {

  static VersionView from(FileVersion version, Retention retention) {
    return new VersionView(
        version.id(), version.size(), version.sha256(), version.createdAt(),
        retention.versionExpiresAt(version.archivedAt()));
  }
}
