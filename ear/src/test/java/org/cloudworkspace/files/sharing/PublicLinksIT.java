package org.cloudworkspace.files.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.BinaryReply;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Public links, used without signing in: read links to files and folders, passwords (policy, throttling, a change
 * ending sessions), expiry, revocation, file drops, the download count and the owner's quota.
 */
class PublicLinksIT {

  private static String api(String token) {
    return "/api/public/shares/" + token;
  }

  @Test
  void aReadLinkToAFileDownloadsWithoutSignInLikeTheRestDownload() {
    Sharer owner = Sharer.create();
    String file = owner.upload("root", "Report 2026 – final.txt", "the quarterly numbers");
    Map<String, Object> link = owner.link(Map.of("nodeId", file));
    String token = (String) link.get("token");
    assertThat(token).matches("[A-Za-z0-9_-]{32}");
    assertThat(link).containsEntry("path", "/s/" + token).containsEntry("permission", "read")
        .containsEntry("hasPassword", false).containsEntry("expiresAt", null);
    assertThat(((Number) link.get("downloadCount")).longValue()).isZero();

    ApiClient visitor = new ApiClient();
    Reply info = visitor.get(api(token));
    assertThat(info.status()).as(info.body()).isEqualTo(200);
    assertThat(info.json()).containsEntry("permission", "read").containsEntry("unlocked", true)
        .containsEntry("passwordRequired", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> node = (Map<String, Object>) info.json().get("node");
    assertThat(node).containsEntry("name", "Report 2026 – final.txt").containsEntry("type", "file")
        .containsEntry("parentId", null);
    assertThat(info.json().get("sharedBy")).isEqualTo("User " + owner.username);

    BinaryReply download = visitor.getBytes(api(token) + "/content", Map.of());
    assertThat(download.status()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("the quarterly numbers");
    assertThat(download.header("Content-Disposition").orElseThrow())
        .startsWith("attachment;").endsWith("filename*=UTF-8''Report%202026%20%E2%80%93%20final.txt");
    assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.header("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
    String etag = download.header("ETag").orElseThrow();

    BinaryReply range = visitor.getBytes(api(token) + "/content", Map.of("Range", "bytes=4-12"));
    assertThat(range.status()).isEqualTo(206);
    assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("quarterly");
    assertThat(visitor.getBytes(api(token) + "/content", Map.of("If-None-Match", etag)).status()).isEqualTo(304);
    BinaryReply inline = visitor.getBytes(api(token) + "/content?disposition=inline", Map.of());
    assertThat(inline.header("Content-Disposition").orElseThrow()).startsWith("inline");
    visitor.getBytes(api(token) + "/content", Map.of());
    // A browser downloading again with an outdated tag gets the whole body: that is a download too.
    BinaryReply again = visitor.getBytes(api(token) + "/content", Map.of("If-None-Match", "\"an-older-tag\""));
    assertThat(again.status()).isEqualTo(200);
    // A range whose If-Range names another tag is answered with the whole body, and counts.
    BinaryReply stale =
        visitor.getBytes(api(token) + "/content", Map.of("Range", "bytes=0-3", "If-Range", "\"an-older-tag\""));
    assertThat(stale.status()).isEqualTo(200);

    Reply shares = owner.client.get("/api/shares?nodeId=" + file);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> links = (List<Map<String, Object>>) shares.json().get("links");
    assertThat(links).singleElement().satisfies(l -> {
      assertThat(l).containsEntry("token", token);
      assertThat(((Number) l.get("downloadCount")).longValue()).as("whole bodies only").isEqualTo(4);
    });
    assertThat(owner.client.get("/api/shares/marks").jsonList())
        .containsExactly(Map.of("nodeId", file, "withUsers", false, "byLink", true));
    assertThat(visitor.get(api(token) + "/folders/root/children").status()).isEqualTo(400);
  }

  @Test
  void aFolderLinkListsDownloadsAndZipsOnlyWhatIsInside() throws IOException {
    Sharer owner = Sharer.create();
    String album = owner.mkdir("root", "Album");
    String day1 = owner.mkdir(album, "Day 1");
    String photo = owner.upload(day1, "photo.txt", "pixels");
    String outside = owner.upload("root", "diary.txt", "private");
    String token = (String) owner.link(Map.of("nodeId", album, "permission", "read")).get("token");

    ApiClient visitor = new ApiClient();
    Reply root = visitor.get(api(token) + "/folders/root/children");
    assertThat(root.status()).as(root.body()).isEqualTo(200);
    assertThat(root.items()).extracting(i -> i.get("name")).containsExactly("Day 1");
    Reply sub = visitor.get(api(token) + "/folders/" + day1 + "/children");
    assertThat(sub.items()).extracting(i -> i.get("name")).containsExactly("photo.txt");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> crumbs = (List<Map<String, Object>>) sub.json().get("breadcrumbs");
    assertThat(crumbs).extracting(c -> c.get("name")).containsExactly("Album", "Day 1");
    assertThat(crumbs.get(0)).containsEntry("parentId", null);

    BinaryReply file = visitor.getBytes(api(token) + "/files/" + photo + "/content", Map.of());
    assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("pixels");

    assertThat(visitor.getBytes(api(token) + "/files/" + outside + "/content", Map.of()).status()).isEqualTo(404);
    assertThat(visitor.get(api(token) + "/folders/" + owner.rootId() + "/children").status()).isEqualTo(404);
    assertThat(Sharer.audit("files.access_denied", "node " + outside)).anySatisfy(e -> assertThat(e)
        .containsEntry("actorName", "link"));

    BinaryReply zip = visitor.getBytes(api(token) + "/folders/root/zip", Map.of());
    assertThat(zip.status()).isEqualTo(200);
    List<String> entries = new java.util.ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry.getName());
      }
    }
    assertThat(entries).containsExactly("Album/", "Album/Day 1/", "Album/Day 1/photo.txt");
  }

  @Test
  void aPasswordIsCheckedByThePolicyUnlocksASessionAndChangingItEndsTheSession() {
    Sharer owner = Sharer.create();
    String file = owner.upload("root", "contract.txt", "signed");
    Reply weak = owner.client.post("/api/shares/links", Map.of("nodeId", file, "password", "password1"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body()).contains("password");
    assertThat(owner.client.post("/api/shares/links", Map.of("nodeId", file, "password", "short")).status())
        .isEqualTo(400);
    assertThat((List<?>) owner.client.get("/api/shares?nodeId=" + file).json().get("links")).isEmpty();

    Map<String, Object> link = owner.link(Map.of("nodeId", file, "password", "correct horse battery"));
    String token = (String) link.get("token");
    String linkId = (String) link.get("id");
    assertThat(link).containsEntry("hasPassword", true);
    assertThat(owner.client.get("/api/shares?nodeId=" + file).body()).doesNotContain("correct horse");

    ApiClient visitor = new ApiClient();
    Reply locked = visitor.get(api(token));
    assertThat(locked.status()).isEqualTo(200);
    assertThat(locked.json()).containsEntry("passwordRequired", true).containsEntry("unlocked", false)
        .containsEntry("node", null);
    Reply noSession = visitor.get(api(token) + "/content");
    assertThat(noSession.status()).isEqualTo(401);
    assertThat(noSession.string("title")).isEqualTo("Password required");

    Reply wrong = visitor.post(api(token) + "/unlock", Map.of("password", "wrong horse battery"));
    assertThat(wrong.status()).isEqualTo(403);
    Reply unlocked = visitor.post(api(token) + "/unlock", Map.of("password", "correct horse battery"));
    assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
    String session = unlocked.string("sessionToken");
    String cookie = unlocked.header("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("cw_share=" + session).contains("Path=/api/public/shares/" + token)
        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

    Map<String, String> withHeader = Map.of("X-Share-Session", session);
    assertThat(visitor.get(api(token), withHeader).json()).containsEntry("unlocked", true);
    assertThat(new String(visitor.getBytes(api(token) + "/content", withHeader).body(), StandardCharsets.UTF_8))
        .isEqualTo("signed");
    assertThat(visitor.getBytes(api(token) + "/content", Map.of("Cookie", "cw_share=" + session)).status())
        .isEqualTo(200);
    assertThat(visitor.getBytes(api(token) + "/content", Map.of("X-Share-Session", session + "x")).status())
        .isEqualTo(401);

    String other = (String) owner.link(Map.of("nodeId", file, "password", "another fine passphrase")).get("token");
    assertThat(visitor.getBytes(api(other) + "/content", withHeader).status())
        .as("a session opens only its own link").isEqualTo(401);

    Reply change = owner.client.patch("/api/shares/links/" + linkId, Map.of("password", "a brand new passphrase"));
    assertThat(change.status()).isEqualTo(200);
    assertThat(visitor.getBytes(api(token) + "/content", withHeader).status()).isEqualTo(401);
    assertThat(visitor.post(api(token) + "/unlock", Map.of("password", "correct horse battery")).status())
        .isEqualTo(403);
    String second = visitor.post(api(token) + "/unlock", Map.of("password", "a brand new passphrase"))
        .string("sessionToken");
    assertThat(visitor.getBytes(api(token) + "/content", Map.of("X-Share-Session", second)).status())
        .isEqualTo(200);
    assertThat(owner.client.patch("/api/shares/links/" + linkId, Map.of("password", "12345678")).status())
        .isEqualTo(400);

    assertThat(owner.client.patch("/api/shares/links/" + linkId, Map.of("removePassword", true)).status())
        .isEqualTo(200);
    assertThat(visitor.getBytes(api(token) + "/content", Map.of("X-Share-Session", second)).status())
        .as("the old session names an old password version, but the link needs none now").isEqualTo(200);
    assertThat(visitor.getBytes(api(token) + "/content", Map.of()).status()).isEqualTo(200);

    assertThat(Sharer.audit("files.share_change", "share " + linkId)).extracting(e -> e.get("details"))
        .contains("password changed", "password removed");
  }

  @Test
  void wrongPasswordsAreThrottledPerLinkAndAddressWith429AndRetryAfter() throws InterruptedException {
    Sharer owner = Sharer.create();
    String file = owner.upload("root", "vault.txt", "gold");
    Map<String, Object> link = owner.link(Map.of("nodeId", file, "password", "open sesame please"));
    String token = (String) link.get("token");

    ApiClient attacker = new ApiClient();
    for (int i = 0; i < 5; i++) {
      assertThat(attacker.post(api(token) + "/unlock", Map.of("password", "guess number " + i)).status())
          .isEqualTo(403);
    }
    Reply throttled = attacker.post(api(token) + "/unlock", Map.of("password", "open sesame please"));
    assertThat(throttled.status()).as("even the right password while locked").isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isPresent();
    assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isPositive();
    assertThat(throttled.string("detail")).contains("Too many wrong passwords");

    ApiClient someoneElse = new ApiClient();
    assertThat(someoneElse.post(api(token) + "/unlock", Map.of("password", "open sesame please")).status())
        .as("another address is not locked out").isEqualTo(200);

    assertThat(Sharer.audit("files.share_link_throttled", "share " + link.get("id"))).isNotEmpty();

    long wait = Long.parseLong(throttled.header("Retry-After").orElseThrow());
    Thread.sleep(wait * 1000 + 300);
    assertThat(attacker.post(api(token) + "/unlock", Map.of("password", "open sesame please")).status())
        .isEqualTo(200);
  }

  @Test
  void expiredRevokedAndUnknownLinksAllAnswerTheSame404() throws InterruptedException {
    Sharer owner = Sharer.create();
    String file = owner.upload("root", "flyer.txt", "party");
    Reply past =
        owner.client.post("/api/shares/links",
            Map.of("nodeId", file, "expiresAt", Instant.now().minusSeconds(60).toString()));
    assertThat(past.status()).isEqualTo(400);

    Map<String, Object> soon =
        owner.link(Map.of("nodeId", file, "expiresAt", Instant.now().plusSeconds(3).toString()));
    String expiring = (String) soon.get("token");
    Map<String, Object> revoked = owner.link(Map.of("nodeId", file));
    String revokedToken = (String) revoked.get("token");

    ApiClient visitor = new ApiClient();
    assertThat(visitor.getBytes(api(expiring) + "/content", Map.of()).status()).isEqualTo(200);
    assertThat(visitor.getBytes(api(revokedToken) + "/content", Map.of()).status()).isEqualTo(200);
    assertThat(owner.client.delete("/api/shares/" + revoked.get("id")).status()).isEqualTo(204);
    assertThat(Sharer.audit("files.share_remove", "share " + revoked.get("id"))).extracting(e -> e.get("details"))
        .containsExactly("link revoked");
    Thread.sleep(3500);

    Reply unknown = visitor.get(api("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    Reply expired = visitor.get(api(expiring));
    Reply gone = visitor.get(api(revokedToken));
    for (Reply reply : List.of(unknown, expired, gone)) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.string("detail")).isEqualTo(unknown.string("detail"));
    }
    assertThat(visitor.getBytes(api(expiring) + "/content", Map.of()).status()).isEqualTo(404);
    assertThat(visitor.get(api("short")).status()).isEqualTo(404);

    String trashedToken = (String) owner.link(Map.of("nodeId", file)).get("token");
    assertThat(visitor.get(api(trashedToken)).status()).isEqualTo(200);
    assertThat(owner.client.delete("/api/files/" + file).status()).isEqualTo(204);
    assertThat(visitor.get(api(trashedToken)).status()).as("its file is in the trash").isEqualTo(404);
  }

  @Test
  void theSettingsLimitExpiryAndRequirePasswordsAtRunTime() {
    Sharer owner = Sharer.create();
    String file = owner.upload("root", "policy.txt", "rules");
    ApiClient admin = Sharer.admin();
    Map<String, Object> set = new HashMap<>();
    set.put("shares.maxExpiryDays", 7);
    set.put("shares.passwordRequired", true);
    assertThat(admin.patch("/api/admin/settings", set).status()).isEqualTo(200);
    try {
      Reply noPassword =
          owner.client.post("/api/shares/links",
              Map.of("nodeId", file, "expiresAt", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
      assertThat(noPassword.status()).isEqualTo(400);
      assertThat(noPassword.body()).contains("need a password");
      Reply noExpiry = owner.client.post("/api/shares/links", Map.of("nodeId", file, "password", "long enough phrase"));
      assertThat(noExpiry.status()).isEqualTo(400);
      assertThat(noExpiry.body()).contains("7 days");
      Reply tooLate =
          owner.client.post("/api/shares/links", Map.of("nodeId", file, "password", "long enough phrase",
              "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
      assertThat(tooLate.status()).isEqualTo(400);
      Map<String, Object> ok =
          owner.link(Map.of("nodeId", file, "password", "long enough phrase",
              "expiresAt", Instant.now().plus(6, ChronoUnit.DAYS).toString()));
      assertThat(ok.get("expiresAt")).isNotNull();
      Reply remove = owner.client.patch("/api/shares/links/" + ok.get("id"), Map.of("removePassword", true));
      assertThat(remove.status()).isEqualTo(400);
      Reply removeExpiry = owner.client.patch("/api/shares/links/" + ok.get("id"), Map.of("removeExpiry", true));
      assertThat(removeExpiry.status()).isEqualTo(400);
    } finally {
      assertThat(admin.send(admin.http11("/api/admin/settings").header("Content-Type", "application/json")
          .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
              "{\"shares.maxExpiryDays\":null,\"shares.passwordRequired\":null}"))).status()).isEqualTo(200);
    }
    assertThat(owner.client.post("/api/shares/links", Map.of("nodeId", file)).status()).isEqualTo(201);
  }

  @Test
  void aFileDropTakesUploadsWithoutListingDownloadingOrOverwritingWithinTheOwnersQuota() {
    Sharer owner = Sharer.create();
    String inbox = owner.mkdir("root", "Inbox");
    String existing = owner.upload(inbox, "cv.txt", "the original");
    assertThat(owner.client.post("/api/shares/links", Map.of("nodeId", existing, "permission", "upload")).status())
        .as("file drops are folders").isEqualTo(400);
    Map<String, Object> link = owner.link(Map.of("nodeId", inbox, "permission", "upload"));
    String token = (String) link.get("token");

    ApiClient visitor = new ApiClient();
    Reply info = visitor.get(api(token));
    assertThat(info.json()).containsEntry("permission", "upload");
    Reply list = visitor.get(api(token) + "/folders/root/children");
    assertThat(list.status()).isEqualTo(403);
    assertThat(list.string("detail")).contains("only accepts uploads");
    assertThat(visitor.getBytes(api(token) + "/files/" + existing + "/content", Map.of()).status()).isEqualTo(403);
    assertThat(visitor.getBytes(api(token) + "/folders/root/zip", Map.of()).status()).isEqualTo(403);

    Reply drop =
        visitor.putBytes(api(token) + "/files/cv.txt", "text/plain", "from a visitor".getBytes(), Map.of());
    assertThat(drop.status()).as(drop.body()).isEqualTo(201);
    assertThat(drop.json()).containsOnlyKeys("name", "size").containsEntry("name", "cv (2).txt");
    Reply chunked =
        visitor.putChunked(api(token) + "/files/" + Sharer.encode("big data.bin"), "application/octet-stream",
            () -> new ByteArrayInputStream(new byte[5000]), Map.of());
    assertThat(chunked.status()).isEqualTo(201);
    assertThat(owner.names(inbox)).containsExactly("big data.bin", "cv (2).txt", "cv.txt");
    assertThat(owner.content(existing)).isEqualTo("the original");
    assertThat(visitor.putBytes(api(token) + "/files/..", "text/plain", "x".getBytes(), Map.of()).status())
        .isEqualTo(400);

    owner.quota(owner.usedBytes() + 100);
    Reply full = visitor.putBytes(api(token) + "/files/huge.bin", "application/octet-stream", new byte[1000], Map.of());
    assertThat(full.status()).isEqualTo(507);
    assertThat(owner.names(inbox)).containsExactly("big data.bin", "cv (2).txt", "cv.txt");

    String readToken = (String) owner.link(Map.of("nodeId", inbox)).get("token");
    assertThat(visitor.putBytes(api(readToken) + "/files/x.txt", "text/plain", "x".getBytes(), Map.of()).status())
        .isEqualTo(403);
    Reply toRead = owner.client.patch("/api/shares/links/" + link.get("id"), Map.of("permission", "read"));
    assertThat(toRead.status()).isEqualTo(200);
    assertThat(visitor.get(api(token) + "/folders/root/children").status()).isEqualTo(200);
  }
}
