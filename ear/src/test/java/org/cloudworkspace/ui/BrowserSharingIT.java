package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of sharing: frontend/e2e/sharing.test.mjs uploads with progress and renames in the file manager,
 * shares the folder by a password-protected link, opens it in a fresh browser context (no cookies) to preview and
 * download, drops a file through an upload-only link and revokes the link.
 */
class BrowserSharingIT {

  @Test
  void aLinkSharedFromTheFileManagerOpensInAFreshBrowser() throws Exception {
    BrowserTest.run("sharing.test.mjs", Map.of());
  }
}
