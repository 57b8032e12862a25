package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The WebDAV compliance suite litmus (Debian package {@code litmus}) against the running server, signed in with an
 * app password: every suite (basic, copymove, props, locks, http) must pass every test, with no warning and nothing
 * skipped.
 */
class LitmusIT {

  private static final List<String> SUITES = List.of("basic", "copymove", "props", "locks", "http");

  private static final Pattern SUMMARY =
      Pattern.compile("<- summary for `(\\w+)': of (\\d+) tests run: (\\d+) passed, (\\d+) failed\\.");

  @Test
  void everyLitmusSuitePassesWithoutWarnings() throws IOException, InterruptedException {
    assertThat(Path.of("/usr/bin/litmus")).as("litmus is installed (Debian package litmus, see .ci/run)").exists();
    DavClient dav = DavClient.forNewUser();
    Path workDir = Files.createDirectories(Path.of("target", "litmus"));
    Path output = workDir.resolve("litmus-output.txt");
    ProcessBuilder builder =
        new ProcessBuilder("/usr/bin/litmus", "--keep-going", dav.url(""), dav.username, dav.secret)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("TESTS", String.join(" ", SUITES));
    Process litmus = builder.start();
    assertThat(litmus.waitFor(10, TimeUnit.MINUTES)).as("litmus finished within 10 minutes").isTrue();
    String text = Files.readString(output, StandardCharsets.UTF_8);

    List<String> summaries = new ArrayList<>();
    Matcher m = SUMMARY.matcher(text);
    while (m.find()) {
      summaries.add(m.group(1));
      assertThat(m.group(4)).as("failed tests of suite %s:%n%s", m.group(1), text).isEqualTo("0");
      assertThat(m.group(3)).as("suite %s", m.group(1)).isEqualTo(m.group(2));
    }
    assertThat(summaries).as(text).containsExactlyElementsOf(SUITES);
    assertThat(text).as("no test failed").doesNotContain("FAIL");
    assertThat(text).as("no warning was issued").doesNotContainIgnoringCase("warning");
    assertThat(text).as("nothing was skipped").doesNotContain("SKIPPED");
    assertThat(litmus.exitValue()).as(text).isZero();
  }
}
