package org.cloudworkspace.office.api;

import org.cloudworkspace.office.EditorConfig;

/** Someone editing a document: user id and display name. */
public record EditorView(String id, String name) {

  static EditorView from(EditorConfig.Editor e) {
    return new EditorView(e.id(), e.name());
  }
}
