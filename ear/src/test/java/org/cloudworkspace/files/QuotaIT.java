package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Quotas: the default, the admin override, and 507 before and while reading an upload, and for copies. */
class QuotaIT {

  @Test
  void aNewUserHasTheDefaultQuota() {
    FilesUser user = FilesUser.create();
    Map<String, Object> usage = user.client.get("/api/files/usage").json();
    assertThat(usage.keySet()).containsExactlyInAnyOrder("usedBytes", "quotaBytes", "freeBytes");
    assertThat(FilesUser.num(usage, "usedBytes")).isZero();
    assertThat(FilesUser.num(usage, "quotaBytes")).isEqualTo(10L * 1024 * 1024 * 1024);
    assertThat(FilesUser.num(usage, "freeBytes")).isEqualTo(10L * 1024 * 1024 * 1024);
    assertThat(new ApiClient().get("/api/files/usage").status()).isEqualTo(401);
  }

  @Test
  void adminsSetAndResetQuotasAndTheChangeIsAudited() {
    FilesUser user = FilesUser.create();
    ApiClient admin = FilesUser.Admins.signedIn();

    Reply set = admin.put("/api/admin/users/" + user.id + "/quota", Map.of("quotaBytes", 5000));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json()).containsEntry("userId", user.id).containsEntry("usesDefault", false);
    assertThat(FilesUser.num(set.json(), "quotaBytes")).isEqualTo(5000);
    assertThat(FilesUser.num(user.client.get("/api/files/usage").json(), "quotaBytes")).isEqualTo(5000);
    assertThat(admin.get("/api/admin/users/" + user.id + "/quota").json()).containsEntry("usesDefault", false);

    Reply reset = admin.putRaw("/api/admin/users/" + user.id + "/quota", "application/json", "{\"quotaBytes\":null}");
    assertThat(reset.json()).containsEntry("usesDefault", true);
    assertThat(FilesUser.num(reset.json(), "quotaBytes")).isEqualTo(10L * 1024 * 1024 * 1024);

    Reply audit = admin.get("/api/admin/audit-events?type=admin.user_quota");
    assertThat(audit.items()).anySatisfy(e -> assertThat(e).containsEntry("target", user.username)
        .containsEntry("details", "quota 5000 bytes -> default"));

    assertThat(admin.put("/api/admin/users/" + user.id + "/quota", Map.of("quotaBytes", -1)).status()).isEqualTo(400);
    assertThat(admin.putRaw("/api/admin/users/" + user.id + "/quota", "application/json", "").status()).isEqualTo(400);
    assertThat(admin.put("/api/admin/users/00000000-0000-4000-8000-000000000000/quota", Map.of("quotaBytes", 1))
        .status()).isEqualTo(404);
    assertThat(user.client.put("/api/admin/users/" + user.id + "/quota", Map.of("quotaBytes", 1L << 50)).status())
        .isEqualTo(403);
    assertThat(new ApiClient().put("/api/admin/users/" + user.id + "/quota", Map.of("quotaBytes", 1)).status())
        .isEqualTo(401);
  }

  @Test
  void anUploadLargerThanWhatIsFreeIsRefusedBeforeItIsReadWithWhatIsFree() {
    FilesUser user = FilesUser.create();
    user.quota(1000);
    user.upload("root", "small.txt", "x".repeat(300));

    Reply reply = user.uploadReply("root", "big.bin", new byte[800], "application/octet-stream");
    assertThat(reply.status()).isEqualTo(507);
    assertThat(reply.string("detail")).contains("700 bytes").contains("free");
    assertThat(user.names("root")).containsExactly("small.txt");
    assertThat(user.usedBytes()).isEqualTo(300);
  }

  @Test
  void aChunkedUploadIsStoppedOnceItPassesTheQuotaAndLeavesNothing() throws Exception {
    FilesUser user = FilesUser.create();
    user.quota(100_000);
    long blobsBefore = UploadDownloadIT.blobFiles().size();

    Reply reply = user.client.putChunked("/api/files/folders/root/files/stream.bin", "application/octet-stream",
        () -> new ByteArrayInputStream(new byte[150_000]), Map.of());
    assertThat(reply.status()).isEqualTo(507);
    assertThat(reply.string("detail")).contains("free");
    assertThat(user.items("root")).isEmpty();
    assertThat(user.usedBytes()).isZero();
    assertThat(UploadDownloadIT.tempFiles()).isEmpty();
    assertThat(UploadDownloadIT.blobFiles()).hasSize((int) blobsBefore);
  }

  @Test
  void overwritingCountsTheKeptVersionAndCopiesCountToo() {
    FilesUser user = FilesUser.create();
    user.quota(1000);
    String file = FilesUser.str(user.upload("root", "a.bin", "x".repeat(400)), "id");

    Reply overwrite = user.uploadReply("root", "a.bin", new byte[700], "application/octet-stream");
    assertThat(overwrite.status()).as("400 kept as a version + 700 new > 1000").isEqualTo(507);
    assertThat(user.content(file)).isEqualTo("x".repeat(400));

    assertThat(user.client.post("/api/files/" + file + "/copy", Map.of("parentId", "root", "name", "b.bin")).status())
        .isEqualTo(201);
    Reply tooMuch = user.client.post("/api/files/" + file + "/copy", Map.of("parentId", "root", "name", "c.bin"));
    assertThat(tooMuch.status()).isEqualTo(507);
    assertThat(tooMuch.string("detail")).contains("200 bytes");
    assertThat(user.names("root")).containsExactly("a.bin", "b.bin");
    assertThat(user.usedBytes()).isEqualTo(800);
  }

  @Test
  void concurrentUploadsNeverPassTheQuotaAndTheUsageIsExact() throws Exception {
    FilesUser user = FilesUser.create();
    user.quota(10 * 4096);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String name = "f-" + i + ".bin";
        statuses.add(pool.submit(() -> user.uploadReply("root", name, new byte[4096], "application/octet-stream")
            .status()));
      }
      int stored = 0;
      for (Future<Integer> status : statuses) {
        int code = status.get();
        assertThat(code).isIn(201, 507);
        stored += code == 201 ? 1 : 0;
      }
      assertThat(stored).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
    assertThat(user.names("root")).hasSize(10);
    assertThat(user.usedBytes()).isEqualTo(10 * 4096);
  }
}
