package org.cloudworkspace.files.sharing;

import org.cloudworkspace.files.NodeDetails;

/**
 * What a visitor of a public link learns: whether a password is needed and given ({@code unlocked}); only once
 * unlocked, the shared node and who shared it (else both null).
 */
public record LinkInfo(FileShare link, boolean unlocked, NodeDetails node, ShareParty owner) {}
