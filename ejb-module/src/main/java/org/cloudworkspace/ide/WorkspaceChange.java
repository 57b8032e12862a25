package org.cloudworkspace.ide;

/** A workspace of a user changed status (or was created or deleted), for pushing to that user's browsers. */
public record WorkspaceChange(String ownerId, String workspaceId, String status, String statusDetail) {

  /** The status of a deleted workspace. */
  public static final String DELETED = "deleted";

  static WorkspaceChange of(IdeWorkspace workspace) {
    return new WorkspaceChange(
        workspace.ownerId(), workspace.id(), workspace.status().code(), workspace.statusDetail());
  }
}
