package org.cloudworkspace.admin.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Locale;
import org.cloudworkspace.admin.UserAdministration;
import org.cloudworkspace.files.UserFilesDisposal;

/**
 * The answer to a deletion: who was deleted and what became of the files ({@code disposition} {@code transfer} or
 * {@code remove}; for a transfer the recipient and the folder the files are now in).
 */
@JsonbNillable
@JsonbPropertyOrder({"username", "disposition", "recipient", "folder", "files", "folders", "bytes", "trashItems"})
public record UserDeletedView(
    String username,
    String disposition,
    String recipient,
    String folder,
    long files,
    long folders,
    long bytes,
    long trashItems) {

  static UserDeletedView from(UserAdministration.Deletion deletion) {
    UserFilesDisposal.Holdings h = deletion.holdings();
    return new UserDeletedView(
        deletion.username(),
        deletion.disposition().name().toLowerCase(Locale.ROOT),
        deletion.recipient(),
        deletion.folder(),
        h.files(),
        h.folders(),
        h.transferableBytes(),
        h.trashItems());
  }
}
