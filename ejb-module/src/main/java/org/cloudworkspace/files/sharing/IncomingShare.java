package org.cloudworkspace.files.sharing;

import org.cloudworkspace.files.NodeDetails;

/** Something another user shared with the caller: the share, the shared file or folder, and its owner. */
public record IncomingShare(FileShare share, NodeDetails node, ShareParty owner) {}
