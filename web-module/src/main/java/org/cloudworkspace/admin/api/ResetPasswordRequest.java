package org.cloudworkspace.admin.api;

import jakarta.validation.constraints.NotNull;

/** A temporary password set by an admin; the user must change it at the next sign-in. */
public record ResetPasswordRequest(@NotNull(message = "Enter a temporary password.") String password) {

  @Override
  public String toString() {
    return "ResetPasswordRequest[]";
  }
}
