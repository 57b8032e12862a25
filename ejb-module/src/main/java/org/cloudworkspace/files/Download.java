package org.cloudworkspace.files;

import java.time.Instant;

/** What a download needs: name, type, length, entity tag and modification time, and the bytes to stream. */
public record Download(
    String name, String mimeType, long size, String etag, Instant modifiedAt, ContentSource content) {}
