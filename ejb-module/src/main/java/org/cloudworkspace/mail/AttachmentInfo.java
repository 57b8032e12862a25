package org.cloudworkspace.mail;

/** A part of a message that can be downloaded: its path in the MIME tree (e.g. {@code 2} or {@code 1.3}). */
public record AttachmentInfo(String part, String name, String contentType, long size, boolean inline,
    String contentId) {}
