package org.cloudworkspace.runner.api;

/** Body of terminal creation and resize: the size in columns and rows. */
public record TerminalRequest(int cols, int rows) {}
