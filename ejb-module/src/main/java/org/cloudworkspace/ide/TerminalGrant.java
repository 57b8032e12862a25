package org.cloudworkspace.ide;

/** What a redeemed terminal ticket allows: this user may attach to this terminal of this workspace. */
public record TerminalGrant(String userId, String username, String workspaceId, String terminalId) {}
