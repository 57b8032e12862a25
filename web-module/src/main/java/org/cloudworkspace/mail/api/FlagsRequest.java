package org.cloudworkspace.mail.api;

/** Flags to set on one message; null leaves a flag as it is. */
public record FlagsRequest(Boolean seen, Boolean flagged) {}
