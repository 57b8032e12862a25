package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of resumable uploads: frontend/e2e/files-resumable.test.mjs breaks a large tus upload part-way,
 * reloads the page, picks the file again and checks that it goes on from the server's offset, in Chromium.
 */
class BrowserResumableUploadIT {

  @Test
  void aLargeUploadSurvivesABrokenConnectionAndAReload() throws Exception {
    BrowserTest.run("files-resumable.test.mjs", Map.of());
  }
}
