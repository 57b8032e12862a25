package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of the file manager: frontend/e2e/files.test.mjs creates a folder, uploads a file with progress,
 * renames it, previews it, deletes it and restores it from the trash, in Chromium against the running server.
 */
class BrowserFilesIT {

  @Test
  void fileManagerUploadsRenamesPreviewsDeletesAndRestores() throws Exception {
    BrowserTest.run("files.test.mjs", Map.of());
  }
}
