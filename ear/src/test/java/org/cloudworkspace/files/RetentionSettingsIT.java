package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * The default quota and the trash and version retention come from the settings admins change at run time: a change
 * applies to the next request, without a restart.
 */
class RetentionSettingsIT {

  private static final List<String> SETTINGS =
      List.of("files.defaultQuotaBytes", "files.trashRetentionDays", "files.versionRetentionDays");

  @Test
  void aChangedDefaultQuotaAndRetentionApplyAtOnce() {
    ApiClient admin = FilesUser.Admins.signedIn();
    FilesUser user = FilesUser.create();
    try {
      Reply changed =
          admin.patch(
              "/api/admin/settings",
              Map.of("files.defaultQuotaBytes", 5000, "files.trashRetentionDays", 7, "files.versionRetentionDays", 3));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);

      assertThat(FilesUser.num(user.client.get("/api/files/usage").json(), "quotaBytes")).isEqualTo(5000);
      Reply refused = user.uploadReply("root", "big.bin", new byte[6000], "application/octet-stream");
      assertThat(refused.status()).isEqualTo(507);
      assertThat(refused.string("detail")).contains("free");
      // The resumable upload checks the same quota at creation.
      assertThat(new TusClient(user.client).create(6000, TusClient.meta("filename", "big.bin")).status())
          .isEqualTo(507);

      Map<String, Object> file = user.upload("root", "draft.txt", "one");
      user.upload("root", "draft.txt", "two");
      Instant afterOverwrite = Instant.now();
      List<Map<String, Object>> versions =
          user.client.get("/api/files/" + FilesUser.str(file, "id") + "/versions").jsonList();
      Instant expires = Instant.parse(FilesUser.str(versions.get(0), "expiresAt"));
      assertThat(Duration.between(afterOverwrite.plus(Duration.ofDays(3)), expires).abs())
          .isLessThan(Duration.ofMinutes(2));

      assertThat(user.client.delete("/api/files/" + FilesUser.str(file, "id")).status()).isEqualTo(204);
      Map<String, Object> item = user.client.get("/api/files/trash").jsonList().get(0);
      assertThat(Instant.parse(FilesUser.str(item, "purgeAt")))
          .isEqualTo(Instant.parse(FilesUser.str(item, "trashedAt")).plus(Duration.ofDays(7)));

      assertThat(admin.patch("/api/admin/settings", Map.of("files.trashRetentionDays", 0)).status()).isEqualTo(200);
      assertThat(user.client.get("/api/files/trash").jsonList().get(0).get("purgeAt")).isNull();
    } finally {
      Map<String, Object> reset = new HashMap<>();
      SETTINGS.forEach(name -> reset.put(name, null));
      assertThat(admin.patch("/api/admin/settings", reset).status()).isEqualTo(200);
    }
    assertThat(FilesUser.num(user.client.get("/api/files/usage").json(), "quotaBytes")).isEqualTo(10L << 30);
  }
}
