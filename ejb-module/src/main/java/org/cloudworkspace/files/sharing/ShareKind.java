package org.cloudworkspace.files.sharing;

/** With whom something is shared: one user, or whoever holds a public link. */
public enum ShareKind {
  USER,
  LINK
}
