package org.cloudworkspace.admin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.cloudworkspace.common.config.WorkspaceSettings;
import org.cloudworkspace.common.settings.SettingsService;
import org.cloudworkspace.ide.runner.EngineReport;
import org.cloudworkspace.ide.runner.RunnerClient;
import org.cloudworkspace.ide.runner.RunnerPing;

/**
 * The health of every part the workspace depends on, checked when asked: database, data folder, runner, Docker engine,
 * Document Server and InventoryPro, each with the last error seen, plus versions and uptime. Outbound checks go only
 * to the configured origin's health path, with redirects off and a 2 s limit.
 */
@ApplicationScoped
public class SystemStatus {

  static final Duration OUTBOUND_TIMEOUT = Duration.ofSeconds(2);
  static final String DOCUMENT_SERVER_HEALTH = "/healthcheck";
  static final String INVENTORY_HEALTH = "/health";

  /** Where Prometheus scrapes the metrics (Liberty's mpMetrics endpoint). */
  public static final String METRICS_PATH = "/metrics";

  @Resource(lookup = "jdbc/workspace")
  DataSource dataSource;

  @Inject WorkspaceSettings workspace;

  @Inject SettingsService settings;

  @Inject RunnerClient runner;

  private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(OUTBOUND_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /** The last failure of a component and when it happened. */
  public record LastError(String message, Instant at) {}

  /** One component's state: {@code up}, {@code down}, {@code unknown} or {@code not_configured}. */
  public record Component(
      String name, String status, String detail, Long latencyMs, Map<String, Object> data, LastError lastError) {}

  /** The whole report. */
  public record Report(
      Instant checkedAt,
      String appVersion,
      String javaVersion,
      long uptimeSeconds,
      String metricsUrl,
      java.util.List<Component> components) {}

  public Report check() {
    java.util.List<Component> components =
        java.util.List.of(database(), storage(), runner(), docker(), documentServer(), inventoryPro());
    return new Report(
        Instant.now(),
        appVersion(),
        Runtime.version().toString() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
        METRICS_PATH,
        components);
  }

  private Component database() {
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      long latency = (System.nanoTime() - start) / 1_000_000;
      DatabaseMetaData meta = connection.getMetaData();
      Map<String, Object> data =
          Map.of("product", meta.getDatabaseProductName(), "version", meta.getDatabaseProductVersion());
      return valid
          ? up("database", "answers", latency, data)
          : down("database", "The database did not confirm the connection within 2 s", latency, data);
    } catch (Exception e) {
      return down("database", "Cannot reach the database: " + e.getClass().getSimpleName(), null, Map.of());
    }
  }

  private Component storage() {
    Path dir = workspace.dataDir();
    try {
      FileStore store = Files.getFileStore(dir);
      Map<String, Object> data =
          Map.of("freeBytes", store.getUsableSpace(), "totalBytes", store.getTotalSpace(), "path", dir.toString());
      return Files.isWritable(dir)
          ? up("storage", "writable", null, data)
          : down("storage", "The data folder is not writable", null, data);
    } catch (IOException | RuntimeException e) {
      return down("storage", "The data folder cannot be read: " + e.getClass().getSimpleName(), null, Map.of());
    }
  }

  private Component runner() {
    long start = System.nanoTime();
    RunnerPing ping = runner.ping();
    long latency = (System.nanoTime() - start) / 1_000_000;
    if (ping.reachable()) {
      return up("runner", "answers signed requests", latency, Map.of("version", ping.version(), "url", runner.runnerUrl()));
    }
    return down("runner", ping.error(), latency, Map.of("url", runner.runnerUrl()));
  }

  /** The runner's Docker engine, as the runner reaches it (the app never talks to Docker itself). */
  private Component docker() {
    long start = System.nanoTime();
    EngineReport engine = runner.engine();
    long latency = (System.nanoTime() - start) / 1_000_000;
    if (!engine.runnerAnswered()) {
      return new Component(
          "docker", "unknown", "Not known while the runner cannot be asked: " + engine.error(), null, Map.of(),
          lastErrors.get("docker"));
    }
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    if (engine.host() != null) {
      data.put("host", engine.host());
    }
    if (engine.reachable()) {
      data.put("version", engine.version());
      data.put("apiVersion", engine.apiVersion());
      return up("docker", "Docker Engine " + engine.version() + " answers the runner", latency, data);
    }
    return down("docker", engine.error(), latency, data);
  }

  private Component documentServer() {
    String internal = settings.documentServerInternalUrl();
    String url = internal.isEmpty() ? settings.documentServerPublicUrl() : internal;
    return outbound("documentServer", url, DOCUMENT_SERVER_HEALTH);
  }

  private Component inventoryPro() {
    return outbound("inventoryPro", settings.inventoryUrl(), INVENTORY_HEALTH);
  }

  /** GET of a fixed health path on the configured origin only: the configured path, query and user are ignored. */
  private Component outbound(String name, String configured, String healthPath) {
    if (configured == null || configured.isBlank()) {
      return new Component(name, "not_configured", "No address is configured", null, Map.of(), lastErrors.get(name));
    }
    URI target;
    try {
      URI uri = URI.create(configured);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return down(name, "The configured address is not an http(s) address", null, Map.of());
      }
      target = new URI(scheme, null, uri.getHost(), uri.getPort(), healthPath, null, null);
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return down(name, "The configured address is not valid", null, Map.of());
    }
    Map<String, Object> data = Map.of("url", target.toString());
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response =
          http.sendAsync(
                  HttpRequest.newBuilder(target).timeout(OUTBOUND_TIMEOUT).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .get(OUTBOUND_TIMEOUT.toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS);
      long latency = (System.nanoTime() - start) / 1_000_000;
      if (response.statusCode() >= 200 && response.statusCode() < 300) {
        return up(name, "HTTP " + response.statusCode(), latency, data);
      }
      return down(name, "The health address answered HTTP " + response.statusCode(), latency, data);
    } catch (java.util.concurrent.TimeoutException e) {
      return down(name, "No answer within " + OUTBOUND_TIMEOUT.toSeconds() + " s", null, data);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down(name, "Interrupted", null, data);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return down(name, "Cannot reach " + target + " (" + cause.getClass().getSimpleName() + ")", null, data);
    }
  }

  private Component up(String name, String detail, Long latency, Map<String, Object> data) {
    return new Component(name, "up", detail, latency, data, lastErrors.get(name));
  }

  private Component down(String name, String detail, Long latency, Map<String, Object> data) {
    LastError error = new LastError(detail, Instant.now());
    lastErrors.put(name, error);
    return new Component(name, "down", detail, latency, data, error);
  }

  private static String appVersion() {
    try (InputStream in = SystemStatus.class.getResourceAsStream("/META-INF/cloudworkspace-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
