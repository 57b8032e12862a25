package org.cloudworkspace.mail;

import java.util.List;

/**
 * One page of a folder, newest first. {@code cached} tells whether it came from the page cache after the folder's
 * UIDVALIDITY, UIDNEXT, message and unread counts proved it still current.
 */
public record MessagePage(String folder, int page, int size, int total, int unread, List<MessageSummary> items,
    boolean cached) {}
