package org.cloudworkspace.ide.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/ide/workspaces}. */
public record CreateWorkspaceRequest(
    @NotBlank(message = "Give the workspace a name.") @Size(max = 64, message = "A name is at most 64 characters.")
        String name,
    @Size(max = 255, message = "A template name is at most 255 characters.") String template,
    @Min(value = 1, message = "Auto-stop is at least 1 minute.")
        @Max(value = 10080, message = "Auto-stop is at most 10080 minutes.") Integer autoStopMinutes) {}
