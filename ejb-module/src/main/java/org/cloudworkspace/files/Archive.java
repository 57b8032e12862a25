package org.cloudworkspace.files;

import java.time.Instant;
import java.util.List;

/** A folder to download as a zip: the archive's file name and its entries, folders ending in "/". */
public record Archive(String fileName, List<Entry> entries) {

  /** One entry: its path inside the archive, and for files the bytes to stream. */
  public record Entry(String path, boolean folder, long size, Instant modifiedAt, ContentSource content) {}
}
