package org.cloudworkspace.files.api;

/** A new name, a new folder ({@code parentId}, may be {@code root}), or both. */
public record UpdateNodeRequest(String name, String parentId) {}
