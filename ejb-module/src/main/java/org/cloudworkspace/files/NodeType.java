package org.cloudworkspace.files;

import java.util.Locale;

/** Whether a node holds bytes or other nodes; the code is what the API and the table show. */
public enum NodeType {
  FILE,
  FOLDER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
