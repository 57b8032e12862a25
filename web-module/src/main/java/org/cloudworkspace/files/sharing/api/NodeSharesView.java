package org.cloudworkspace.files.sharing.api;

import java.util.List;
import org.cloudworkspace.files.sharing.NodeShares;

/** Everything a file or folder is shared with. */
public record NodeSharesView(String nodeId, List<UserShareView> users, List<LinkView> links) {

  static NodeSharesView from(NodeShares shares) {
    return new NodeSharesView(
        shares.nodeId(),
        shares.users().stream().map(UserShareView::from).toList(),
        shares.links().stream().map(LinkView::from).toList());
  }
}
