package org.cloudworkspace.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine report the app's status page shows when the engine is not there: a readable reason, no exception. */
class DockerEngineStatusTest {

  @TempDir Path dir;

  @Test
  void anEngineThatIsNotThereIsReportedUnreachableWithTheAddress() {
    DockerEngine engine = new DockerEngine();
    engine.dockerHost = "unix://" + dir.resolve("no-docker.sock");
    engine.connect();
    try {
      EngineStatus status = engine.status();

      assertThat(status.reachable()).isFalse();
      assertThat(status.host()).isEqualTo(engine.dockerHost);
      assertThat(status.version()).isNull();
      assertThat(status.error()).contains("cannot be reached").contains(engine.dockerHost);
    } finally {
      engine.close();
    }
  }
}
