package org.cloudworkspace.files.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of search results and how many there are in all. */
@JsonbPropertyOrder({"items", "total"})
public record SearchResultView(List<NodeWithPathView> items, long total) {}
