package org.cloudworkspace.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code from the authenticator app. */
public record TwoFactorCodeRequest(
    @NotBlank(message = "Enter the code from your authenticator app.")
        @Size(max = 64, message = "A code has at most 64 characters.")
        String code) {

  @Override
  public String toString() {
    return "TwoFactorCodeRequest[]";
  }
}
