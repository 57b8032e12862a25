package org.cloudworkspace.mail;

/**
 * One folder of an account: its full path (with the server's separator), its last name, its special role
 * ({@code inbox}, {@code sent}, {@code drafts}, {@code trash}, {@code archive}, {@code junk} or null), whether it holds
 * messages, and its message and unread counts.
 */
public record FolderInfo(String path, String name, char separator, String role, boolean selectable, int total,
    int unread) {}
