package org.cloudworkspace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.inventory.InventoryProStandIn.Mode;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Inventory panel's API against the stand-in, which checks the app's signature on every request: search, details,
 * attachments streamed from Files; and what happens when InventoryPro is down, slow or failing: a clear 503 within
 * about two seconds, an open circuit that answers at once, recovery when InventoryPro is back, and the rest of the
 * workspace answering meanwhile.
 */
class InventoryProApiIT {

  private static final long PANEL_DEADLINE_MS = 2_700;
  private static InventoryProStandIn standIn;
  private static String username;
  private static String password;

  @BeforeAll
  static void standInAndUser() {
    standIn = InventoryProStandIn.shared();
    username = ApiClient.uniqueUsername("invapi");
    password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
  }

  @BeforeEach
  void healthyAndClosed() throws InterruptedException {
    standIn.start();
    standIn.mode(Mode.HEALTHY);
    awaitRecovery(user());
  }

  @AfterEach
  void leaveItHealthy() {
    standIn.start();
    standIn.mode(Mode.HEALTHY);
  }

  private static ApiClient user() {
    return new ApiClient().signIn(username, password);
  }

  /** Waits (up to 20 s) until the circuit lets a search through again. */
  private static void awaitRecovery(ApiClient client) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (client.get("/api/inventory/items?q=drill").status() != 200) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("InventoryPro did not become reachable again");
      }
      Thread.sleep(500);
    }
  }

  private static void assertUnreachableWithinDeadline(ApiClient client, String path) {
    long start = System.currentTimeMillis();
    Reply reply = client.get(path);
    long took = System.currentTimeMillis() - start;
    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.string("title")).isEqualTo("InventoryPro is not reachable");
    assertThat(reply.string("detail")).startsWith("InventoryPro is not reachable right now");
    assertThat(took).as("answered within the panel's deadline").isLessThan(PANEL_DEADLINE_MS);
  }

  @Test
  void searchAndDetailsComeFromInventoryProWithSignedRequests() {
    ApiClient client = user();
    int failuresBefore = standIn.signatureFailures();
    Reply search = client.get("/api/inventory/items?q=" + URLEncoder.encode("dri ll", StandardCharsets.UTF_8));
    assertThat(search.status()).isEqualTo(200);
    Reply found = client.get("/api/inventory/items?q=drill");
    assertThat(((Number) found.json().get("total")).intValue()).isEqualTo(1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) found.json().get("items");
    assertThat(items).singleElement().satisfies(i -> assertThat(i).containsEntry("id", "IT-1")
        .containsEntry("name", "Cordless drill").containsEntry("location", "Shelf B2"));

    Reply item = client.get("/api/inventory/items/IT-1");
    assertThat(item.status()).isEqualTo(200);
    assertThat(item.json()).containsEntry("sku", "SKU-IT-1");
    assertThat(((Number) item.json().get("quantity")).intValue()).isEqualTo(7);
    assertThat(item.body()).contains("manual.pdf");
    assertThat(standIn.signatureFailures()).as("the stand-in accepted every signature").isEqualTo(failuresBefore);
  }

  @Test
  void anUnknownItemIs404AndABadIdNeverLeavesTheWorkspace() {
    ApiClient client = user();
    assertThat(client.get("/api/inventory/items/NOPE").status()).isEqualTo(404);
    int before = standIn.apiRequests();
    assertThat(client.get("/api/inventory/items/a.b").status()).isEqualTo(400);
    assertThat(client.get("/api/inventory/items?q=a%01b").status()).isEqualTo(400);
    assertThat(standIn.apiRequests()).isEqualTo(before);
    // 404s are answers, not failures: the circuit stays closed.
    for (int i = 0; i < 6; i++) {
      assertThat(client.get("/api/inventory/items/NOPE").status()).isEqualTo(404);
    }
    assertThat(client.get("/api/inventory/items/IT-1").status()).isEqualTo(200);
  }

  @Test
  void everyInventoryEndpointNeedsASignedInUser() {
    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/inventory/status").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/inventory/items?q=x").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/inventory/items/IT-1").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/inventory/items/IT-1/attachments", Map.of("fileId", "x")).status())
        .isEqualTo(401);
    assertThat(user().get("/api/inventory/status").json()).containsEntry("configured", true);
  }

  @Test
  void attachingStreamsTheUsersFileToInventoryPro() {
    ApiClient client = user();
    String content = "Torque settings for the drill\n".repeat(2000);
    Reply upload =
        client.send(client.request("/api/files/folders/root/files/" + URLEncoder.encode("Drill manual ü.txt",
                StandardCharsets.UTF_8).replace("+", "%20"))
            .header("Content-Type", "text/plain")
            .PUT(HttpRequest.BodyPublishers.ofString(content)));
    assertThat(upload.status()).as(upload.body()).isIn(200, 201);
    String fileId = upload.string("id");

    Reply attached = client.post("/api/inventory/items/IT-1/attachments", Map.of("fileId", fileId));
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(attached.json()).containsEntry("filename", "Drill manual ü.txt");
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    assertThat(standIn.lastAttachment())
        .isEqualTo("Drill manual ü.txt|text/plain|" + bytes.length + "|" + InventoryProStandIn.sha256(bytes));

    // Someone else's file is not found for this user (Files never tells whether the id exists).
    String otherName = ApiClient.uniqueUsername("invother");
    String otherPassword = ApiClient.strongPassword();
    ApiClient.createUser(otherName, otherPassword, "user");
    ApiClient stranger = new ApiClient().signIn(otherName, otherPassword);
    assertThat(stranger.post("/api/inventory/items/IT-1/attachments", Map.of("fileId", fileId)).status())
        .isEqualTo(404);
    assertThat(client.post("/api/inventory/items/IT-1/attachments", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void inventoryProDownAnswers503AtOnceAndTheWorkspaceCarriesOn() throws InterruptedException {
    ApiClient client = user();
    standIn.stop();
    assertUnreachableWithinDeadline(client, "/api/inventory/items?q=drill");
    assertUnreachableWithinDeadline(client, "/api/inventory/items/IT-1");
    assertThat(client.get("/api/me").status()).isEqualTo(200);
    standIn.start();
    awaitRecovery(client);
  }

  @Test
  void aSlowInventoryProTimesOutWithin2SecondsWhileOtherRequestsAnswer() throws Exception {
    ApiClient client = user();
    standIn.mode(Mode.SLOW);
    Thread meanwhile =
        new Thread(() -> {
          long start = System.currentTimeMillis();
          assertThat(user().get("/api/me").status()).isEqualTo(200);
          assertThat(System.currentTimeMillis() - start).isLessThan(2_000);
        });
    meanwhile.start();
    assertUnreachableWithinDeadline(client, "/api/inventory/items?q=drill");
    meanwhile.join();
    standIn.mode(Mode.HEALTHY);
    awaitRecovery(client);
  }

  @Test
  void failuresOpenTheCircuitWhichFailsFastAndClosesWhenInventoryProIsBack() throws InterruptedException {
    ApiClient client = user();
    standIn.mode(Mode.FAILING);
    for (int i = 0; i < 3; i++) {
      assertUnreachableWithinDeadline(client, "/api/inventory/items/IT-1");
    }
    // InventoryPro is healthy again, but the open circuit answers at once without calling it.
    standIn.mode(Mode.HEALTHY);
    int before = standIn.apiRequests();
    long start = System.currentTimeMillis();
    Reply open = client.get("/api/inventory/items/IT-1");
    assertThat(open.status()).isEqualTo(503);
    assertThat(System.currentTimeMillis() - start).as("fails fast").isLessThan(500);
    assertThat(standIn.apiRequests()).as("InventoryPro was not called").isEqualTo(before);

    Thread.sleep(5_500); // the circuit's delay
    long deadline = System.currentTimeMillis() + 10_000;
    int status;
    do {
      status = client.get("/api/inventory/items/IT-1").status();
    } while (status != 200 && System.currentTimeMillis() < deadline && sleep(300));
    assertThat(status).as("recovered").isEqualTo(200);
  }

  private static boolean sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return true;
  }
}
