package org.cloudworkspace.ide.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a rename or move inside the workspace folder. */
public record MoveRequest(
    @NotBlank(message = "Give the path to move.") @Size(max = 4096, message = "A path is at most 4096 characters.")
        String from,
    @NotBlank(message = "Give the new path.") @Size(max = 4096, message = "A path is at most 4096 characters.")
        String to) {}
