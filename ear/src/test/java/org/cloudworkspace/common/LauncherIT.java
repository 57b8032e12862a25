package org.cloudworkspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's promises: secrets kept owner-only in the data folder, and production mode refusing to start without them. */
class LauncherIT {

  @Test
  void generatedSecretsAreOwnerOnlyAndLongEnough() throws IOException {
    Path secrets = TestServers.dataDir().resolve("secrets.env");
    assertThat(Files.getPosixFilePermissions(secrets))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(TestServers.dataDir()))
        .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    for (String name :
        List.of("JWT_SECRET_KEY", "ONLYOFFICE_TOKEN_SECRET", "MAIL_CREDENTIALS_KEY", "INVENTORY_PRO_SHARED_SECRET",
            "APP_ENCRYPTION_KEY", "RUNNER_SHARED_SECRET")) {
      assertThat(TestServers.secret(name)).as(name).hasSizeGreaterThanOrEqualTo(32);
    }
    assertThat(TestServers.secret("JWT_SECRET_KEY")).isNotEqualTo(TestServers.secret("RUNNER_SHARED_SECRET"));
  }

  @Test
  void secretsNeverAppearInTheServerLogs() throws IOException {
    Path logs = TestServers.dataDir().resolve("liberty/workspace/logs/messages.log");
    String log = Files.readString(logs, StandardCharsets.UTF_8);
    assertThat(log).doesNotContain(TestServers.secret("JWT_SECRET_KEY"))
        .doesNotContain(TestServers.secret("RUNNER_SHARED_SECRET"))
        .doesNotContain(TestServers.adminPassword());
  }

  @Test
  void productionModeRefusesToStartWithoutSecretsAndNamesThem(@TempDir Path data) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", TestServers.repoDir().resolve("liberty-config/bin/workspace").toString(), "start")
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.endsWith("_SECRET") || k.endsWith("_KEY") || k.startsWith("WORKSPACE_"));
    builder.environment().put("WORKSPACE_MODE", "production");
    builder.environment().put("WORKSPACE_SKIP_BUILD", "true");
    builder.environment().put("WORKSPACE_DATA_DIR", data.toString());
    builder.environment().put("WORKSPACE_HTTP_PORT", "19999");
    builder.environment().put("JWT_SECRET_KEY", "x".repeat(40));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isNotZero();
    assertThat(output).contains("production mode needs these secrets")
        .contains("ONLYOFFICE_TOKEN_SECRET").contains("MAIL_CREDENTIALS_KEY").contains("INVENTORY_PRO_SHARED_SECRET")
        .contains("APP_ENCRYPTION_KEY").contains("RUNNER_SHARED_SECRET").doesNotContain("JWT_SECRET_KEY");
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("secrets.env");
    }
  }
}
