package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.NodeDetails;

/**
 * A file or folder as the API shows it. A folder's size is the total of the files directly in it, its mimeType null;
 * the root folder has the name "" and no parentId. The etag is the HTTP entity tag, quotes included, to send back in
 * If-Match.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "name", "type", "parentId", "size", "mimeType", "createdAt", "modifiedAt", "etag", "favorite"
})
public record NodeView(
    String id,
    String name,
    String type,
    String parentId,
    long size,
    String mimeType,
    Instant createdAt,
    Instant modifiedAt,
    String etag,
    boolean favorite) {

  public static NodeView from(NodeDetails details) {
    var node = details.node();
    return new NodeView(
        node.id(),
        node.name(),
        node.type().code(),
        node.parentId(),
        details.size(),
        node.isFolder() ? null : node.mimeType(),
        node.createdAt(),
        node.modifiedAt(),
        node.etag(),
        details.favorite());
  }
}
