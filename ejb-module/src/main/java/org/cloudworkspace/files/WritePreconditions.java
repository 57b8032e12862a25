package org.cloudworkspace.files;

import java.util.List;

/**
 * Conditions of a write, from HTTP: {@code If-Match} entity tags (null when absent; {@code *} matches any existing
 * file) and {@code If-None-Match: *} (the name must be free).
 */
public record WritePreconditions(List<String> ifMatch, boolean ifNoneMatchAny) {

  public static final WritePreconditions NONE = new WritePreconditions(null, false);

  public WritePreconditions {
    ifMatch = ifMatch == null ? null : List.copyOf(ifMatch);
  }
}
