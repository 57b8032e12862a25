package org.cloudworkspace.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sign-in with username and password. */
public record LoginRequest(
    @NotBlank(message = "Enter your username.") @Size(max = 254, message = "A username has at most 254 characters.")
        String username,
    @NotNull(message = "Enter your password.") @Size(min = 1, max = 4096, message = "Enter your password.")
        String password) {

  @Override
  public String toString() {
    return "LoginRequest[username=" + username + "]";
  }
}
