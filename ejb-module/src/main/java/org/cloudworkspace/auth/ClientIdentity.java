package org.cloudworkspace.auth;

/** Who a client that signs in with Basic credentials (a WebDAV mount) is, and whether it used an app password. */
public record ClientIdentity(String userId, String username, boolean appPassword) {}
