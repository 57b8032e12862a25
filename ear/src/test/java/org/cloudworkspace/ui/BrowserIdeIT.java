package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of the IDE: frontend/e2e/ide.test.mjs creates and starts a workspace in Chromium, edits and saves a
 * file in Monaco with Ctrl+S, runs it in the xterm.js terminal and sees its output, and finds the same shell after a
 * reload (real app, runner and Docker engine).
 */
class BrowserIdeIT {

  @Test
  void editSaveAndRunInTheBrowserIde() throws Exception {
    BrowserTest.run("ide.test.mjs", Map.of("IDE_E2E", "true"));
  }
}
