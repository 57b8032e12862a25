package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of the SPA shell: frontend/e2e/sign-in.test.mjs drives Debian's Chromium with playwright-core
 * against the running app server (sign-in page, wrong password, signed-in layout, reload, profile, sign-out).
 */
class BrowserSignInIT {

  @Test
  void adminSignsInThroughTheSpaAndSeesTheSignedInLayout() throws Exception {
    BrowserTest.run("sign-in.test.mjs", Map.of());
  }
}
