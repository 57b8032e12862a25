package org.cloudworkspace.files;

import java.util.List;

/** One page of results and the total number of results. */
public record ResultPage<T>(List<T> items, long total) {}
