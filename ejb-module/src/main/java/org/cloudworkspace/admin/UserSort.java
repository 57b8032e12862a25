package org.cloudworkspace.admin;

import java.util.Arrays;
import java.util.Optional;

/** The columns the user list sorts by, mapped to entity attributes (never user input in a query). */
public enum UserSort {
  USERNAME("username", "u.username"),
  DISPLAY_NAME("displayName", "LOWER(u.displayName)"),
  EMAIL("email", "LOWER(u.email)"),
  ROLE("role", "u.role"),
  ENABLED("enabled", "u.enabled"),
  LAST_LOGIN_AT("lastLoginAt", "u.lastLoginAt"),
  CREATED_AT("createdAt", "u.createdAt"),
  USED_BYTES("usedBytes", "COALESCE(s.usedBytes, 0)");

  private final String code;
  private final String expression;

  UserSort(String code, String expression) {
    this.code = code;
    this.expression = expression;
  }

  public String code() {
    return code;
  }

  String expression() {
    return expression;
  }

  /** Whether the sort needs the user's storage account ({@code s}) joined to the user ({@code u}). */
  boolean needsStorage() {
    return this == USED_BYTES;
  }

  public static Optional<UserSort> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
