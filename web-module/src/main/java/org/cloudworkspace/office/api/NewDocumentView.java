package org.cloudworkspace.office.api;

import java.time.Instant;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.NodeDetails;

/** The file a new blank document became. */
public record NewDocumentView(String id, String name, String parentId, long size, String mimeType, String etag,
    Instant modifiedAt) {

  static NewDocumentView from(NodeDetails details) {
    FileNode n = details.node();
    return new NewDocumentView(n.id(), n.name(), n.parentId(), n.size(), n.mimeType(), n.etag(), n.modifiedAt());
  }
}
