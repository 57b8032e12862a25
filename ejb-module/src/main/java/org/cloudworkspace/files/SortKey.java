package org.cloudworkspace.files;

/** How a folder listing is ordered; folders always come before files. */
public enum SortKey {
  NAME,
  SIZE,
  MODIFIED
}
