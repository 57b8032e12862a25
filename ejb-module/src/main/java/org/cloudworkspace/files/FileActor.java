package org.cloudworkspace.files;

import java.util.Objects;
import org.cloudworkspace.common.ClientInfo;

/** Who acts on files: the signed-in user and where the request came from (for the audit log). */
public record FileActor(String userId, String username, ClientInfo client) {

  public FileActor {
    Objects.requireNonNull(userId, "userId");
    client = client == null ? ClientInfo.system() : client;
  }
}
