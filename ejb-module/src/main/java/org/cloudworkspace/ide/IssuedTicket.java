package org.cloudworkspace.ide;

/** A terminal ticket as handed to the browser once (only its hash is stored), valid for {@code expiresIn} seconds. */
public record IssuedTicket(String ticket, long expiresIn) {}
