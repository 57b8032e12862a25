package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.cloudworkspace.files.FolderListing;

/** One page of a folder: the folder, the path to it from the root (root first, the folder last), and its children. */
@JsonbPropertyOrder({"folder", "breadcrumbs", "items", "total"})
public record FolderListingView(NodeView folder, List<NodeView> breadcrumbs, List<NodeView> items, long total) {

  public static FolderListingView from(FolderListing listing) {
    return new FolderListingView(
        NodeView.from(listing.folder()),
        listing.breadcrumbs().stream().map(NodeView::from).toList(),
        listing.items().stream().map(NodeView::from).toList(),
        listing.total());
  }
}
