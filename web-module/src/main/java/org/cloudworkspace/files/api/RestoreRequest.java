package org.cloudworkspace.files.api;

/** Where to restore a trash item to; without {@code parentId} it goes back where it was (or to the root). */
public record RestoreRequest(String parentId) {}
