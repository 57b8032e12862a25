package org.cloudworkspace.files;

/** What to do when the target name is taken: replace the file, pick a free name like "a (2).txt", or refuse. */
public enum ConflictPolicy {
  REPLACE,
  RENAME,
  FAIL
}
