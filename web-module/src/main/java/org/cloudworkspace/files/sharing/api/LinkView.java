package org.cloudworkspace.files.sharing.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.files.sharing.PublicLink;

/**
 * A public link as its owner sees it: the token and the page to open ({@code /s/{token}}), {@code read} or
 * {@code upload}, whether it has a password (never the password), the expiry (null: none) and the downloads so far.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "id", "nodeId", "token", "path", "permission", "hasPassword", "expiresAt", "downloadCount", "createdAt", "updatedAt"
})
public record LinkView(
    String id,
    String nodeId,
    String token,
    String path,
    String permission,
    boolean hasPassword,
    Instant expiresAt,
    long downloadCount,
    Instant createdAt,
    Instant updatedAt) {

  static LinkView from(PublicLink link) {
    var s = link.share();
    return new LinkView(s.id(), s.nodeId(), link.token(), "/s/" + link.token(), s.permission().code(),
        s.hasPassword(), s.expiresAt(), s.downloadCount(), s.createdAt(), s.updatedAt());
  }
}
