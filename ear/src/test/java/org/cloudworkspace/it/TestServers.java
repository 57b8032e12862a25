package org.cloudworkspace.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the servers started by the build for the integration tests listen, and the secrets the launcher generated for
 * them in the test data folder. The build passes these as system properties to failsafe.
 */
public final class TestServers {

  private TestServers() {}

  /** Base address of the app server, e.g. {@code http://127.0.0.1:19080}. */
  public static URI appUrl() {
    return URI.create(System.getProperty("it.app.url", "http://127.0.0.1:19080"));
  }

  /** Base address of the runner server, e.g. {@code http://127.0.0.1:19081}. */
  public static URI runnerUrl() {
    return URI.create(System.getProperty("it.runner.url", "http://127.0.0.1:19081"));
  }

  /** The data folder of the app server under test. */
  public static Path dataDir() {
    return Path.of(System.getProperty("it.data.dir", "target/it-data"));
  }

  /** Username of the bootstrap admin of the server under test. */
  public static String adminUsername() {
    return System.getProperty("it.admin.username", "admin");
  }

  /** Password of the bootstrap admin of the server under test. */
  public static String adminPassword() {
    try {
      return Files.readString(dataDir().resolve("it-admin-password")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which database the app under test uses: {@code h2} or {@code postgres}. */
  public static String database() {
    return System.getProperty("it.database", "h2");
  }

  /** The repository's root folder. */
  public static Path repoDir() {
    return Path.of(System.getProperty("it.repo.dir", "..")).toAbsolutePath().normalize();
  }

  /** A secret from the data folder's {@code secrets.env}, as the launcher generated it. */
  public static String secret(String name) {
    Map<String, String> secrets = readSecrets(dataDir().resolve("secrets.env"));
    String value = secrets.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("No " + name + " in " + dataDir().resolve("secrets.env"));
    }
    return value;
  }

  private static Map<String, String> readSecrets(Path file) {
    try {
      Map<String, String> secrets = new HashMap<>();
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith("#")) {
          secrets.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
      return secrets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
