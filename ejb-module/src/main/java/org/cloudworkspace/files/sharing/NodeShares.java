package org.cloudworkspace.files.sharing;

import java.util.List;

/** Everything one file or folder is shared with: users and public links, oldest first. */
public record NodeShares(String nodeId, List<UserShare> users, List<PublicLink> links) {}
