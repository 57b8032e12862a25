package org.cloudworkspace.admin.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change of a user's name, email or role; absent fields stay as they are, an empty email removes it. */
public record UpdateUserRequest(
    @Size(max = 128, message = "A display name has at most 128 characters.") String displayName,
    @Email(message = "Enter a valid email address.") @Size(max = 254, message = "An email has at most 254 characters.")
        String email,
    @Pattern(regexp = "user|admin", message = "A role is either 'user' or 'admin'.") String role) {}
