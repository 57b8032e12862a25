package org.cloudworkspace.files.sharing;

import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.files.FileActor;

/**
 * A share that let a visitor in: the shared node (the top of what they may reach), what they may do, the owner as
 * the file services must act, and who the visitor is (a user, or "link" for a public link) for the audit log.
 */
public record ShareGrant(
    String shareId,
    String rootId,
    boolean rootIsFolder,
    SharePermission permission,
    FileActor owner,
    String visitorId,
    String visitorName,
    ClientInfo client) {}
