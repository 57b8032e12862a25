package org.cloudworkspace.runner.api;

/** Body naming one path relative to the workspace folder. */
public record PathRequest(String path) {}
