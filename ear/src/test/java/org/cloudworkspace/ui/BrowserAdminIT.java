package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of the admin console (frontend/e2e/admin.test.mjs in Chromium): an admin creates a user, the user
 * signs in and must change the temporary password first, the admin disables the user and the user's open session
 * stops at the next call (back to sign-in with a message); then sessions, audit log with CSV export, settings with a
 * refused value, and system status.
 */
class BrowserAdminIT {

  @Test
  void anAdminManagesAUserWhoseSessionStopsWhenDisabled() throws Exception {
    BrowserTest.run("admin.test.mjs", Map.of());
  }
}
