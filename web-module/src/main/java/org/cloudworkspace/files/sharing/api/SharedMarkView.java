package org.cloudworkspace.files.sharing.api;

import org.cloudworkspace.files.sharing.SharedMark;

/** One of the caller's shared nodes: shared with users, by link, or both. */
public record SharedMarkView(String nodeId, boolean withUsers, boolean byLink) {

  static SharedMarkView from(SharedMark mark) {
    return new SharedMarkView(mark.nodeId(), mark.withUsers(), mark.byLink());
  }
}
