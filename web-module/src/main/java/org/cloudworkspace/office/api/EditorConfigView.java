package org.cloudworkspace.office.api;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.office.EditorConfig;

/** The editor page's input: where api.js is, the signed config, the file and who else is editing it. */
public record EditorConfigView(
    String documentServerUrl,
    String apiScriptUrl,
    Map<String, Object> config,
    String fileId,
    String folderId,
    String fileName,
    String mode,
    List<EditorView> editors) {

  static EditorConfigView from(EditorConfig c) {
    return new EditorConfigView(
        c.documentServerUrl(), c.apiScriptUrl(), c.config(), c.fileId(), c.folderId(), c.fileName(), c.mode(),
        c.editors().stream().map(EditorView::from).toList());
  }
}
