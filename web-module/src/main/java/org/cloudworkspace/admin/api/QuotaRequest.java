package org.cloudworkspace.admin.api;

import jakarta.validation.constraints.PositiveOrZero;

/** A user's new storage quota in bytes; null returns the user to the workspace default. */
public record QuotaRequest(@PositiveOrZero(message = "A quota is 0 bytes or more.") Long quotaBytes) {}
