package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.cloudworkspace.auth.AppPassword;

/** An app password as its owner sees it in the list: never the password itself. */
@JsonbNillable
@JsonbPropertyOrder({"id", "name", "createdAt", "lastUsedAt", "lastUsedAddress"})
public record AppPasswordView(String id, String name, Instant createdAt, Instant lastUsedAt, String lastUsedAddress) {

  public static AppPasswordView from(AppPassword password) {
    return new AppPasswordView(
        password.id(), password.name(), password.createdAt(), password.lastUsedAt(), password.lastUsedAddress());
  }
}
