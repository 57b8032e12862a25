package org.cloudworkspace.runner.api;

/** Body of {@code POST .../files/move}: both paths relative to the workspace folder. */
public record MoveRequest(String from, String to) {}
