package org.cloudworkspace.files;

/** Something the user moved to the trash, with the bytes it holds (a folder's: all files inside it). */
public record TrashItem(FileNode node, long size) {}
