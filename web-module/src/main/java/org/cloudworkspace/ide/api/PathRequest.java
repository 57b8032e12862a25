package org.cloudworkspace.ide.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body naming a path in the workspace folder, e.g. for a new folder. */
public record PathRequest(
    @NotBlank(message = "Give a path.") @Size(max = 4096, message = "A path is at most 4096 characters.")
        String path) {}
