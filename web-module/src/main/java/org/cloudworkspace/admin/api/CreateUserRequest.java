package org.cloudworkspace.admin.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new account, created by an admin. The password is temporary unless {@code mustChangePassword} is false: the user
 * must choose a new one at the first sign-in.
 */
public record CreateUserRequest(
    @NotBlank(message = "Enter a username.") @Size(max = 64, message = "A username has at most 64 characters.")
        String username,
    @Email(message = "Enter a valid email address.") @Size(max = 254, message = "An email has at most 254 characters.")
        String email,
    @Size(max = 128, message = "A display name has at most 128 characters.") String displayName,
    @NotNull(message = "Enter a password.") String password,
    @Pattern(regexp = "user|admin", message = "A role is either 'user' or 'admin'.") String role,
    Boolean mustChangePassword) {

  /** Whether the password is temporary (the default). */
  public boolean temporaryPassword() {
    return mustChangePassword == null || mustChangePassword;
  }

  @Override
  public String toString() {
    return "CreateUserRequest[username=" + username + "]";
  }
}
