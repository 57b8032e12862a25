package org.cloudworkspace.auth.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A password change: the current password proves it is the user. */
public record ChangePasswordRequest(
    @NotNull(message = "Enter your current password.") @Size(max = 4096, message = "Enter your current password.")
        String currentPassword,
    @NotNull(message = "Enter a new password.") String newPassword) {

  @Override
  public String toString() {
    return "ChangePasswordRequest[]";
  }
}
