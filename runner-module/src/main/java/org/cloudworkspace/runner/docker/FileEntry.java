package org.cloudworkspace.runner.docker;

/**
 * One entry of a folder listing.
 *
 * @param name the entry's name
 * @param path its path relative to the workspace folder
 * @param type {@code file}, {@code folder}, {@code link} or {@code other}
 * @param size size in bytes (of a file; 0 for others)
 * @param modified last modification, milliseconds since the epoch
 */
public record FileEntry(String name, String path, String type, long size, long modified) {}
