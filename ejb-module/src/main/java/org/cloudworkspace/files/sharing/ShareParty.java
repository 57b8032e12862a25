package org.cloudworkspace.files.sharing;

/** A user on either end of a share, as others may see them: id, username and display name. */
public record ShareParty(String id, String username, String displayName) {}
