package org.cloudworkspace.files.dav;

import java.time.Instant;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.NodeType;

/**
 * What a PROPFIND tells about a file or folder: the columns its live properties come from, read as plain values (a
 * listing of a large folder never builds the full entities). {@code etag} is quoted, as HTTP sends it.
 */
public record DavEntry(String id, String name, boolean folder, boolean root, long size, String mimeType, String etag,
    Instant createdAt, Instant modifiedAt) {

  /** The entry of a node already loaded. */
  public static DavEntry of(FileNode node) {
    return new DavEntry(node.id(), node.name(), node.isFolder(), node.isRoot(), node.size(), node.mimeType(),
        node.etag(), node.createdAt(), node.modifiedAt());
  }

  /** An entry from a row of {@link DavFiles#MEMBER_COLUMNS}: a member of a folder, never the root. */
  static DavEntry ofRow(Object[] row) {
    return new DavEntry((String) row[0], (String) row[1], row[2] == NodeType.FOLDER, false, ((Number) row[3]).longValue(),
        (String) row[4], "\"" + row[5] + "\"", (Instant) row[6], (Instant) row[7]);
  }

  public boolean isFile() {
    return !folder;
  }
}
