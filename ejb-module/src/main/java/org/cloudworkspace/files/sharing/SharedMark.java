package org.cloudworkspace.files.sharing;

/** That a node of the owner is shared, and how: with users, by link, or both. */
public record SharedMark(String nodeId, boolean withUsers, boolean byLink) {}
