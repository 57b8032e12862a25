package org.cloudworkspace.runner.api;

/** Body of {@code POST /api/v1/workspaces/{id}/start}: whose workspace, from which template and image, how big. */
public record StartRequest(String owner, String template, String image, long memoryMb, long cpus) {}
