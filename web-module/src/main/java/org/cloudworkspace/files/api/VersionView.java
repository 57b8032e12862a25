package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.FileVersion;

/** Earlier content of a file: its size, SHA-256 and when it was written. */
@JsonbPropertyOrder({"id", "size", "sha256", "createdAt"})
public record VersionView(String id, long size, String sha256, Instant createdAt) {

  static VersionView from(FileVersion version) {
    return new VersionView(version.id(), version.size(), version.sha256(), version.createdAt());
  }
}
