package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.NodeDetails;

/** A {@link NodeView} with the node's path from the root folder, like {@code /Documents/report.pdf}. */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "name", "type", "parentId", "size", "mimeType", "createdAt", "modifiedAt", "etag", "favorite", "path"
})
public record NodeWithPathView(
    String id,
    String name,
    String type,
    String parentId,
    long size,
    String mimeType,
    Instant createdAt,
    Instant modifiedAt,
    String etag,
    boolean favorite,
    String path) {

  public static NodeWithPathView from(NodeDetails details) {
    NodeView v = NodeView.from(details);
    return new NodeWithPathView(
        v.id(), v.name(), v.type(), v.parentId(), v.size(), v.mimeType(), v.createdAt(), v.modifiedAt(), v.etag(),
        v.favorite(), details.path());
  }
}
