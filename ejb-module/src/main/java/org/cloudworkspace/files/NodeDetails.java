package org.cloudworkspace.files;

/**
 * A node with what the API shows beside it: its size (a folder's is the total of the files directly in it), whether
 * the user marked it as a favourite, and its path from the root folder when it was asked for (else null).
 */
public record NodeDetails(FileNode node, long size, boolean favorite, String path) {}
