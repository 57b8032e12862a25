package org.cloudworkspace.files.api;

import jakarta.validation.constraints.NotNull;

/** A new folder's name; the name rules are checked by the service. */
public record CreateFolderRequest(@NotNull(message = "Enter a name for the folder.") String name) {}
