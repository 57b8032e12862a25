package org.cloudworkspace.files.sharing;

/** A public link with its token, which only its owner gets to see again. */
public record PublicLink(FileShare share, String token) {}
