package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.Retention;
import org.cloudworkspace.files.TrashItem;

/**
 * Something in the trash: what it was called, its bytes (a folder's: every file inside it), when it was deleted and
 * the path it had, like {@code /Documents/report.pdf}, and when it goes for good (null: kept until the trash is
 * emptied), by the retention setting as it is now.
 */
@JsonbPropertyOrder({"id", "name", "type", "size", "trashedAt", "purgeAt", "originalPath"})
public record TrashItemView(
    String id, String name, String type, long size, Instant trashedAt, Instant purgeAt, String originalPath) {

  static TrashItemView from(TrashItem item, Retention retention) {
    var node = item.node();
    return new TrashItemView(
        node.id(), node.name(), node.type().code(), item.size(), node.trashedAt(),
        retention.trashPurgeAt(node.trashedAt()), node.originalPath());
  }
}
