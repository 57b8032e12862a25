package org.cloudworkspace.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Workspace-wide settings: run mode and data folder. Environment variables win over every other source. */
@ApplicationScoped
public class WorkspaceSettings {

  /** How strictly the workspace treats missing configuration. */
  public enum Mode {
    DEVELOPMENT,
    PRODUCTION
  }

  @Inject
  @ConfigProperty(name = "WORKSPACE_MODE", defaultValue = "development")
  String mode;

  @Inject
  @ConfigProperty(name = "WORKSPACE_DATA_DIR", defaultValue = "./data")
  String dataDir;

  public Mode mode() {
    return "production".equals(mode.trim().toLowerCase(Locale.ROOT)) ? Mode.PRODUCTION : Mode.DEVELOPMENT;
  }

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }
}
