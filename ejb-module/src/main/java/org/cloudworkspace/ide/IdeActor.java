package org.cloudworkspace.ide;

import java.util.Objects;
import org.cloudworkspace.common.ClientInfo;

/** Who acts on workspaces: the signed-in user and where the request came from (for the audit log). */
public record IdeActor(String userId, String username, ClientInfo client) {

  public IdeActor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    client = client == null ? ClientInfo.system() : client;
  }
}
