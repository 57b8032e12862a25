package org.cloudworkspace.files.api;

import jakarta.validation.constraints.NotNull;

/** Where to copy to ({@code parentId}, may be {@code root}) and, optionally, the copy's name. */
public record CopyRequest(
    @NotNull(message = "Choose the folder to copy into (parentId, or 'root').") String parentId, String name) {}
