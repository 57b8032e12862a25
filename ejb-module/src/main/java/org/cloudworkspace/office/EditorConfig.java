package org.cloudworkspace.office;

import java.util.List;
import java.util.Map;

/**
 * What the editor page needs: the Document Server's script address and the signed config to hand to
 * {@code new DocsAPI.DocEditor}, with the file it opens, who else is editing it, and the share it was opened
 * through (null for one's own files; {@code folderId} is then the folder inside the share, null for the share
 * itself).
 */
public record EditorConfig(
    String documentServerUrl,
    String apiScriptUrl,
    Map<String, Object> config,
    String fileId,
    String folderId,
    String fileName,
    String mode,
    List<Editor> editors,
    String shareId) {

  /** Someone the Document Server reported as having the document open. */
  public record Editor(String id, String name) {}
}
