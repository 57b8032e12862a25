package org.cloudworkspace.files;

/** A user's own quota before and after a change (null: the workspace default), and the usage it results in. */
public record QuotaChange(Long before, Long after, Usage usage) {}
