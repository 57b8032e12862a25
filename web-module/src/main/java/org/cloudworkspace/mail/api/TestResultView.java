package org.cloudworkspace.mail.api;

/** A successful connection test: both servers accepted the sign-in. */
public record TestResultView(String imap, String smtp) {}
