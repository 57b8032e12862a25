package org.cloudworkspace.files.sharing.api;

/** The password of a link. */
public record UnlockRequest(String password) {}
