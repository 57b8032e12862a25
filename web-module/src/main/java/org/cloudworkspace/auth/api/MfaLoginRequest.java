package org.cloudworkspace.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The second step of a sign-in: the token from the first step and a TOTP or recovery code. */
public record MfaLoginRequest(
    @NotBlank(message = "Send the mfaToken from the first step.") @Size(max = 100, message = "This is not an mfaToken.")
        String mfaToken,
    @NotBlank(message = "Enter the code from your authenticator app or a recovery code.")
        @Size(max = 64, message = "A code has at most 64 characters.")
        String code) {

  @Override
  public String toString() {
    return "MfaLoginRequest[]";
  }
}
