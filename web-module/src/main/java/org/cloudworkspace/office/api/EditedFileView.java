package org.cloudworkspace.office.api;

import java.util.List;
import org.cloudworkspace.office.OfficeService;

/** A file of a folder someone has open in the Document Server, and who. */
public record EditedFileView(String fileId, List<EditorView> editors) {

  static EditedFileView from(OfficeService.EditedFile f) {
    return new EditedFileView(f.fileId(), f.editors().stream().map(EditorView::from).toList());
  }
}
