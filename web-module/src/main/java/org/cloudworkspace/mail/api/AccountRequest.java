package org.cloudworkspace.mail.api;

/** An account to add, change or test. Passwords may be left out of a change to keep the stored ones. */
public record AccountRequest(String displayName, String email, ServerRequest imap, ServerRequest smtp,
    String signature) {}
