package org.cloudworkspace.mail.api;

/** Where to save an attachment in Files: a folder id, or null for the root folder. */
public record SaveToFilesRequest(String folderId) {}
