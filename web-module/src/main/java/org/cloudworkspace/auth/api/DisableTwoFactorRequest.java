package org.cloudworkspace.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Turning two-factor sign-in off needs the password and a current code (or a recovery code). */
public record DisableTwoFactorRequest(
    @NotNull(message = "Enter your password.") @Size(max = 4096, message = "Enter your password.") String password,
    @NotBlank(message = "Enter a code from your authenticator app or a recovery code.")
        @Size(max = 64, message = "A code has at most 64 characters.")
        String code) {

  @Override
  public String toString() {
    return "DisableTwoFactorRequest[]";
  }
}
