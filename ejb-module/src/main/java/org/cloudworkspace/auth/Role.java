package org.cloudworkspace.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do; the code is the JWT group and the {@code @RolesAllowed} name. */
public enum Role {
  USER("user"),
  ADMIN("admin");

  private final String code;

  Role(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The role with this code, ignoring case. */
  public static Optional<Role> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst();
  }
}
