package org.cloudworkspace.ide.api;

/** A one-time terminal ticket and the WebSocket path to open with it (within {@code expiresIn} seconds). */
public record TicketView(String ticket, long expiresIn, String path) {}
