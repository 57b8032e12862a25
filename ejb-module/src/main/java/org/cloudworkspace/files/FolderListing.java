package org.cloudworkspace.files;

import java.util.List;

/** One page of a folder: the folder, its ancestors from the root, the page's children and how many there are. */
public record FolderListing(NodeDetails folder, List<NodeDetails> breadcrumbs, List<NodeDetails> items, long total) {}
