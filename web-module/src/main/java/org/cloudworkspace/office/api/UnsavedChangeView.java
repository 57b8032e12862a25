package org.cloudworkspace.office.api;

import java.time.Instant;
import org.cloudworkspace.office.DocumentSave;

/**
 * A save the Document Server delivered that is not stored yet ("changes not yet saved"): which file, when, how many
 * attempts, and the last error. The Document Server's download address is never shown.
 */
public record UnsavedChangeView(
    String id,
    String fileId,
    String fileName,
    String ownerId,
    int callbackStatus,
    String state,
    int attempts,
    String lastError,
    boolean serverReportedError,
    Instant createdAt,
    Instant updatedAt) {

  static UnsavedChangeView from(DocumentSave s) {
    return new UnsavedChangeView(
        s.id(), s.fileId(), s.fileName(), s.ownerId(), s.callbackStatus(), s.state().name().toLowerCase(), s.attempts(),
        s.lastError(), s.serverError(), s.createdAt(), s.updatedAt());
  }
}
