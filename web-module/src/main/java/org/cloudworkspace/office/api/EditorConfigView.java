package org.cloudworkspace.office.api;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.office.EditorConfig;

/**
 * The editor page's input: where api.js is, the signed config, the file and who else is editing it; for a file of a
 * share, the share and the folder inside it to go back to (null: the share itself).
 */
public record EditorConfigView(
    String documentServerUrl,
    String apiScriptUrl,
    Map<String, Object> config,
    String fileId,
    String folderId,
    String fileName,
    String mode,
    List<EditorView> editors,
    String shareId) {

  static EditorConfigView from(EditorConfig c) {
    return new EditorConfigView(
        c.documentServerUrl(), c.apiScriptUrl(), c.config(), c.fileId(), c.folderId(), c.fileName(), c.mode(),
        c.editors().stream().map(EditorView::from).toList(), c.shareId());
  }
}
