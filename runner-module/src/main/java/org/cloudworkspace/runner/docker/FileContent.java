package org.cloudworkspace.runner.docker;

/**
 * A file's bytes with the SHA-256 that identifies this version (used as its ETag for conflict detection).
 *
 * @param path the file's path relative to the workspace folder
 * @param bytes the content
 * @param sha256 lowercase hex SHA-256 of the content
 */
public record FileContent(String path, byte[] bytes, String sha256) {}
