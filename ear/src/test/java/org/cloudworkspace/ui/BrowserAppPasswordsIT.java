package org.cloudworkspace.ui;

import java.util.Map;
import org.cloudworkspace.it.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The browser test of app passwords: frontend/e2e/app-passwords.test.mjs creates one on the profile page, opens
 * WebDAV with it, revokes it in the page, and checks that WebDAV refuses it at once.
 */
class BrowserAppPasswordsIT {

  @Test
  void anAppPasswordMadeOnTheProfilePageOpensWebDavUntilRevoked() throws Exception {
    BrowserTest.run("app-passwords.test.mjs", Map.of());
  }
}
