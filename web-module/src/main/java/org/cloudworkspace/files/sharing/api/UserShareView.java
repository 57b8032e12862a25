package org.cloudworkspace.files.sharing.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.sharing.UserShare;

/** A share with a user: who, and {@code read} or {@code read-write}. */
@JsonbPropertyOrder({"id", "nodeId", "recipient", "permission", "createdAt", "updatedAt"})
public record UserShareView(
    String id, String nodeId, PartyView recipient, String permission, Instant createdAt, Instant updatedAt) {

  static UserShareView from(UserShare share) {
    var s = share.share();
    return new UserShareView(s.id(), s.nodeId(), PartyView.from(share.recipient()), s.permission().code(),
        s.createdAt(), s.updatedAt());
  }
}
