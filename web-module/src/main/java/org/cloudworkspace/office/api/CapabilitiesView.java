package org.cloudworkspace.office.api;

import java.util.Set;

/**
 * What opens where: whether a Document Server is configured (and its address), the extensions it edits and views,
 * and the extensions the built-in text editor edits.
 */
public record CapabilitiesView(
    boolean documentServer, String documentServerUrl, Set<String> editable, Set<String> viewable, Set<String> text) {}
