package org.cloudworkspace.files.sharing.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.api.NodeView;
import org.cloudworkspace.files.sharing.LinkInfo;

/**
 * A link as a visitor sees it. Until a needed password is given ({@code unlocked} false) it tells nothing but that:
 * node and owner are null. The owner is shown by display name (else username).
 */
@JsonbNillable
@JsonbPropertyOrder({"permission", "passwordRequired", "unlocked", "expiresAt", "node", "sharedBy"})
public record PublicLinkInfoView(
    String permission, boolean passwordRequired, boolean unlocked, Instant expiresAt, NodeView node,
    String sharedBy) {

  static PublicLinkInfoView from(LinkInfo info) {
    var link = info.link();
    if (!info.unlocked()) {
      return new PublicLinkInfoView(null, true, false, null, null, null);
    }
    String by =
        info.owner() == null
            ? null
            : info.owner().displayName() == null || info.owner().displayName().isBlank()
                ? info.owner().username()
                : info.owner().displayName();
    return new PublicLinkInfoView(link.permission().code(), link.hasPassword(), true, link.expiresAt(),
        Views.top(info.node()), by);
  }
}
