package org.cloudworkspace.files.sharing.api;

import java.util.List;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.api.FolderListingView;
import org.cloudworkspace.files.api.NodeView;

/** Mapping of shared nodes for recipients: the shared item shows no parent, as its owner's folders are not theirs. */
final class Views {

  private Views() {}

  static NodeView top(NodeDetails details) {
    NodeView view = NodeView.from(details);
    return withoutParent(view);
  }

  /** A listing whose first breadcrumb is the shared folder: its parent, outside the share, is not shown. */
  static FolderListingView listing(org.cloudworkspace.files.FolderListing listing) {
    FolderListingView view = FolderListingView.from(listing);
    String outside = view.breadcrumbs().isEmpty() ? null : view.breadcrumbs().get(0).parentId();
    if (outside == null) {
      return view;
    }
    return new FolderListingView(
        hide(view.folder(), outside), hideAll(view.breadcrumbs(), outside), hideAll(view.items(), outside),
        view.total());
  }

  static NodeView hide(NodeView node, String outside) {
    return outside.equals(node.parentId()) ? withoutParent(node) : node;
  }

  private static List<NodeView> hideAll(List<NodeView> nodes, String outside) {
    return nodes.stream().map(n -> hide(n, outside)).toList();
  }

  private static NodeView withoutParent(NodeView v) {
    return new NodeView(v.id(), v.name(), v.type(), null, v.size(), v.mimeType(), v.createdAt(), v.modifiedAt(),
        v.etag(), false);
  }
}
