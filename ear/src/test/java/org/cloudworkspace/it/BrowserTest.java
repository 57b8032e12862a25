package org.cloudworkspace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the SPA's browser tests (frontend/e2e/*.test.mjs: node's test runner, playwright-core and Debian's
 * Chromium) against the app server under test, signed in as its admin, and fails with the test's output.
 */
public final class BrowserTest {

  private BrowserTest() {}

  /** Runs {@code frontend/e2e/<script>} with the server's address and admin account, plus {@code extraEnv}. */
  public static String run(String script, Map<String, String> extraEnv) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("node", "--test", "e2e/" + script)
            .directory(TestServers.repoDir().resolve("frontend").toFile())
            .redirectErrorStream(true);
    builder.environment().put("WORKSPACE_URL", TestServers.appUrl().toString());
    builder.environment().put("WORKSPACE_ADMIN_USER", TestServers.adminUsername());
    builder.environment().put("WORKSPACE_ADMIN_PASSWORD", TestServers.adminPassword());
    builder.environment().putIfAbsent("CHROMIUM_PATH", "/usr/bin/chromium");
    builder.environment().putAll(extraEnv);
    Process process = builder.start();
    String output;
    boolean finished;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      finished = process.waitFor(240, TimeUnit.SECONDS);
    }
    System.out.println(output);
    assertThat(finished).as("the browser test finished in time").isTrue();
    assertThat(process.exitValue()).as("browser test output:\n" + output).isZero();
    assertThat(output).contains("# fail 0").contains("# skipped 0").doesNotContain("# pass 0");
    return output;
  }
}
