package org.cloudworkspace.ide.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Body of {@code POST .../terminals}: the terminal's size (80×24 when absent). */
public record OpenTerminalRequest(
    @Min(value = 2, message = "At least 2 columns.") @Max(value = 1000, message = "At most 1000 columns.") Integer cols,
    @Min(value = 2, message = "At least 2 rows.") @Max(value = 500, message = "At most 500 rows.") Integer rows) {}
