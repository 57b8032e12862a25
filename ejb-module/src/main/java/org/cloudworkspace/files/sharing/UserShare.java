package org.cloudworkspace.files.sharing;

/** A share with one user, with who that user is. */
public record UserShare(FileShare share, ShareParty recipient) {}
