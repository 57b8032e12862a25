package org.cloudworkspace.admin.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of a list and how many items match in all. */
@JsonbPropertyOrder({"items", "total"})
public record PageView<T>(List<T> items, long total) {}
