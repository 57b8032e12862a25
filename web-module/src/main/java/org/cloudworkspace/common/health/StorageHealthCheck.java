package org.cloudworkspace.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cloudworkspace.common.config.WorkspaceSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the data folder exists and a file can be written and removed in it. */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

  @Inject WorkspaceSettings settings;

  @Override
  public HealthCheckResponse call() {
    Path dir = settings.dataDir();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".health-", ".tmp");
      Files.delete(probe);
      long free = Files.getFileStore(dir).getUsableSpace();
      return HealthCheckResponse.named("storage").up().withData("freeBytes", free).build();
    } catch (IOException | RuntimeException e) {
      return HealthCheckResponse.named("storage")
          .down()
          .withData("error", "The data folder is not writable")
          .build();
    }
  }
}
