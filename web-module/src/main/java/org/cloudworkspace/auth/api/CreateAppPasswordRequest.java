package org.cloudworkspace.auth.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name of a new app password: the device or program that will use it. */
public record CreateAppPasswordRequest(
    @NotBlank(message = "Name the app password after the device or program that will use it.")
        @Size(max = 100, message = "A name has at most 100 characters.")
        String name) {}
