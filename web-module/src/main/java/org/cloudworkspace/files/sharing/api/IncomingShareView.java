package org.cloudworkspace.files.sharing.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.api.NodeView;
import org.cloudworkspace.files.sharing.IncomingShare;

/** Something shared with the caller: the share id (for the incoming API), permission, owner and the item. */
@JsonbPropertyOrder({"id", "permission", "owner", "node", "sharedAt"})
public record IncomingShareView(String id, String permission, PartyView owner, NodeView node, Instant sharedAt) {

  static IncomingShareView from(IncomingShare incoming) {
    var s = incoming.share();
    return new IncomingShareView(s.id(), s.permission().code(), PartyView.from(incoming.owner()),
        Views.top(incoming.node()), s.createdAt());
  }
}
