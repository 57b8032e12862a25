package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.auth.AppPasswords;

/**
 * A new app password with its secret, which this answer alone carries (only its hash is stored), and the username
 * and WebDAV path to use it with.
 */
@JsonbPropertyOrder({"id", "name", "createdAt", "password", "username", "webdavPath"})
public record CreatedAppPasswordView(
    String id, String name, Instant createdAt, String password, String username, String webdavPath) {

  public static CreatedAppPasswordView from(AppPasswords.Created created, String username, String webdavPath) {
    return new CreatedAppPasswordView(
        created.appPassword().id(), created.appPassword().name(), created.appPassword().createdAt(), created.secret(),
        username, webdavPath);
  }

  @Override
  public String toString() {
    return "CreatedAppPasswordView[" + id + "]";
  }
}
