package org.cloudworkspace.files;

/** The file an upload wrote, and whether it is new (else an existing file got new content). */
public record UploadResult(NodeDetails file, boolean created) {}
