package org.cloudworkspace.it.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Random;
import org.cloudworkspace.inventory.InventoryProStandIn;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * A file of several MiB attached to an item reaches InventoryPro byte for byte (size and SHA-256 checked by the
 * stand-in), as a stream: sent chunked, never collected into one array first, with the declared SHA-256 that the
 * request signature covers.
 */
class InventoryAttachmentStreamIT {

  @Test
  void aMultiMebibyteFileIsStreamedToInventoryProIntact() {
    InventoryProStandIn standIn = InventoryProStandIn.shared();
    String username = ApiClient.uniqueUsername("invbig");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);

    byte[] content = new byte[6 * 1024 * 1024 + 123];
    new Random(42).nextBytes(content);
    Reply upload = user.send(user.http11("/api/files/folders/root/files/manual.bin")
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);

    int failuresBefore = standIn.signatureFailures();
    Reply attached = user.post("/api/inventory/items/IT-1/attachments", Map.of("fileId", upload.string("id")));
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(((Number) attached.json().get("size")).longValue()).isEqualTo(content.length);
    assertThat(standIn.lastAttachment())
        .isEqualTo("manual.bin|application/octet-stream|" + content.length + "|" + InventoryProStandIn.sha256(content));
    assertThat(standIn.lastAttachmentTransfer()).isEqualTo("chunked|sha256-header-matches");
    assertThat(standIn.signatureFailures()).isEqualTo(failuresBefore);
  }
}
