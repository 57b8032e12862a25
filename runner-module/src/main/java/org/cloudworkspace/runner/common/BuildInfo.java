package org.cloudworkspace.runner.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about the runner build, from the {@code build.properties} file the Maven build fills in. */
@ApplicationScoped
public class BuildInfo {

  private static final String RESOURCE = "build.properties";

  private final String version;

  /** Reads the build information once. */
  public BuildInfo() {
    this.version = readVersion();
  }

  /** The runner's project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public String version() {
    return version;
  }

  private static String readVersion() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The runner was built without " + RESOURCE);
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      if (version == null || version.isBlank()) {
        throw new IllegalStateException(RESOURCE + " names no version");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
