package org.cloudworkspace.admin.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.cloudworkspace.admin.UserAdministration;
import org.cloudworkspace.files.UserFilesDisposal;

/**
 * What deleting a user would take away, for the confirmation dialog: the user's live files and folders with their
 * versions (which can be transferred), the trash (always removed), and why the deletion would be refused, if it would.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "userId", "username", "files", "folders", "fileBytes", "versions", "versionBytes", "trashItems", "trashBytes",
  "totalBytes", "allowed", "refusal"
})
public record DeletionPreviewView(
    String userId,
    String username,
    long files,
    long folders,
    long fileBytes,
    long versions,
    long versionBytes,
    long trashItems,
    long trashBytes,
    long totalBytes,
    boolean allowed,
    String refusal) {

  static DeletionPreviewView from(UserAdministration.DeletionPreview preview) {
    UserFilesDisposal.Holdings h = preview.holdings();
    return new DeletionPreviewView(
        preview.user().id(),
        preview.user().username(),
        h.files(),
        h.folders(),
        h.fileBytes(),
        h.versions(),
        h.versionBytes(),
        h.trashItems(),
        h.trashBytes(),
        h.totalBytes(),
        preview.refusal() == null,
        preview.refusal());
  }
}
