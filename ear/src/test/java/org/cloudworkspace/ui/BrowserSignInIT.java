package org.cloudworkspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The browser test of the SPA shell: frontend/e2e/sign-in.test.mjs drives Debian's Chromium with playwright-core
 * against the running app server (sign-in page, wrong password, signed-in layout, reload, profile, sign-out).
 */
class BrowserSignInIT {

  @Test
  void adminSignsInThroughTheSpaAndSeesTheSignedInLayout() throws IOException, InterruptedException {
    Path frontend = TestServers.repoDir().resolve("frontend");
    ProcessBuilder builder =
        new ProcessBuilder("npm", "run", "--silent", "e2e").directory(frontend.toFile()).redirectErrorStream(true);
    builder.environment().put("WORKSPACE_URL", TestServers.appUrl().toString());
    builder.environment().put("WORKSPACE_ADMIN_USER", TestServers.adminUsername());
    builder.environment().put("WORKSPACE_ADMIN_PASSWORD", TestServers.adminPassword());
    builder.environment().putIfAbsent("CHROMIUM_PATH", "/usr/bin/chromium");
    Process process = builder.start();
    String output;
    boolean finished;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      finished = process.waitFor(180, TimeUnit.SECONDS);
    }
    System.out.println(output);
    assertThat(finished).as("the browser test finished in time").isTrue();
    assertThat(process.exitValue()).as("browser test output:\n" + output).isZero();
    assertThat(output).contains("# pass").doesNotContain("# fail 1");
  }
}
