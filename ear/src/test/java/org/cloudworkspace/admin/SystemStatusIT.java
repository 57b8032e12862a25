package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** The system status page and the Prometheus metrics it links to. */
class SystemStatusIT {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> component(Reply reply, String name) {
    return ((List<Map<String, Object>>) reply.json().get("components")).stream()
        .filter(c -> name.equals(c.get("name")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @SuppressWarnings("unchecked")
  void reportsEveryComponentVersionsAndUptime() {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply status = admin.get("/api/admin/status");
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json()).containsKeys("appVersion", "javaVersion", "uptimeSeconds", "checkedAt")
        .containsEntry("metricsUrl", "/metrics");
    assertThat(status.string("appVersion")).isNotEqualTo("unknown");
    Map<String, Object> database = component(status, "database");
    assertThat(database).containsEntry("status", "up").containsKey("latencyMs");
    assertThat(((Map<String, Object>) database.get("data")).get("product").toString())
        .isIn("H2", "PostgreSQL");
    Map<String, Object> storage = component(status, "storage");
    assertThat(storage).containsEntry("status", "up");
    assertThat(((Number) ((Map<String, Object>) storage.get("data")).get("freeBytes")).longValue()).isPositive();
    assertThat(((Number) ((Map<String, Object>) storage.get("data")).get("totalBytes")).longValue()).isPositive();
    Map<String, Object> runner = component(status, "runner");
    assertThat(runner).containsEntry("status", "up");
    assertThat(((Map<String, Object>) runner.get("data"))).containsKey("version");
    // The build's runner reaches the Docker engine the IDE tests use.
    Map<String, Object> docker = component(status, "docker");
    assertThat(docker).containsEntry("status", "up");
    assertThat(((Map<String, Object>) docker.get("data")).get("version").toString()).isNotBlank();
    // Both passes point ONLYOFFICE_URL at the Document Server simulator, which runs only during the document tests.
    Map<String, Object> documentServer = component(status, "documentServer");
    assertThat(documentServer.get("status")).isIn("up", "down");
    Map<String, Object> inventoryPro = component(status, "inventoryPro");
    if ("postgres".equals(TestServers.database())) {
      assertThat(inventoryPro).containsEntry("status", "not_configured");
    } else {
      // The H2 pass configures INVENTORY_PRO_URL for the stand-in, which runs only during the InventoryPro tests.
      assertThat(inventoryPro.get("status")).isIn("up", "down");
      assertThat(((Map<String, Object>) inventoryPro.get("data")).get("url").toString()).startsWith("http://127.0.0.1:");
    }
  }

  @Test
  void checksAConfiguredServiceOnlyAtItsHealthPathAndRemembersTheLastError() throws Exception {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    AtomicReference<String> asked = new AtomicReference<>();
    HttpServer inventory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    inventory.createContext("/", exchange -> {
      asked.set(exchange.getRequestURI().toString());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    inventory.start();
    try {
      int port = inventory.getAddress().getPort();
      assertThat(admin.patch("/api/admin/settings",
          Map.of("inventory.url", "http://127.0.0.1:" + port + "/some/app/path")).status()).isEqualTo(200);
      Map<String, Object> up = component(admin.get("/api/admin/status"), "inventoryPro");
      assertThat(up).containsEntry("status", "up");
      assertThat(asked.get()).isEqualTo("/health");

      inventory.stop(0);
      Map<String, Object> down = component(admin.get("/api/admin/status"), "inventoryPro");
      assertThat(down).containsEntry("status", "down");
      assertThat(down.get("lastError")).isNotNull();
    } finally {
      inventory.stop(0);
      Map<String, Object> reset = new HashMap<>();
      reset.put("inventory.url", null);
      admin.patch("/api/admin/settings", reset);
    }
  }

  @Test
  void prometheusMetricsAreServedAtTheLinkedAddress() {
    Reply metrics = new ApiClient().get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE").contains("jvm_uptime");
  }
}
