package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * WebDAV locks (class 2): exclusive and shared, depth 0 and infinity, refresh, timeouts, UNLOCK, and lock tokens
 * honoured on every write through the If header. A second client of the same user without the token stands for
 * another desktop; locks live in the database, so every app instance sees the same.
 */
class WebDavLocksIT {

  private static String lockBody(String scope) {
    return "<?xml version=\"1.0\"?><d:lockinfo xmlns:d=\"DAV:\"><d:lockscope><d:" + scope + "/></d:lockscope>"
        + "<d:locktype><d:write/></d:locktype><d:owner><d:href>mailto:someone@example.org</d:href></d:owner>"
        + "</d:lockinfo>";
  }

  private static String token(Reply lock) {
    String header = lock.header("Lock-Token").orElseThrow();
    assertThat(header).startsWith("<urn:uuid:").endsWith(">");
    return header.substring(1, header.length() - 1);
  }

  @Test
  void anExclusiveLockStopsWritesWithoutItsToken() {
    DavClient dav = DavClient.forNewUser();
    DavClient other = new DavClient(dav.username, dav.secret);
    dav.put("doc.txt", "v1");
    dav.put("free.txt", "free");
    Reply lock = dav.send("LOCK", "doc.txt", Map.of("Depth", "0", "Timeout", "Second-600"), lockBody("exclusive"));
    assertThat(lock.status()).as(lock.body()).isEqualTo(200);
    String token = token(lock);
    assertThat(lock.body()).contains(token).contains("mailto:someone@example.org").contains("Second-");

    Reply put = other.put("doc.txt", "v2");
    assertThat(put.status()).isEqualTo(423);
    assertThat(put.body()).contains("lock-token-submitted");
    assertThat(other.delete("doc.txt").status()).isEqualTo(423);
    assertThat(other.send("MOVE", "doc.txt", Map.of("Destination", other.url("moved.txt")), null).status())
        .isEqualTo(423);
    assertThat(other.send("COPY", "free.txt", Map.of("Destination", other.url("doc.txt")), null).status())
        .isEqualTo(423);
    assertThat(other.send("PROPPATCH", "doc.txt", Map.of(),
        "<d:propertyupdate xmlns:d=\"DAV:\"><d:set><d:prop><z:a xmlns:z=\"urn:z\">1</z:a></d:prop></d:set>"
            + "</d:propertyupdate>").status()).isEqualTo(423);
    assertThat(other.send("LOCK", "doc.txt", Map.of("Depth", "0"), lockBody("shared")).status()).isEqualTo(423);
    assertThat(other.get("doc.txt").body()).isEqualTo("v1");
    Reply copy = other.send("COPY", "doc.txt", Map.of("Destination", other.url("copy.txt")), null);
    assertThat(copy.status()).isEqualTo(201);

    assertThat(dav.send("PUT", "doc.txt", Map.of("If", "(<" + token + ">)"), "v2").status()).isEqualTo(204);
    String etag = dav.get("doc.txt").header("ETag").orElseThrow();
    assertThat(dav.send("PUT", "doc.txt", Map.of("If", "(<" + token + "> [" + etag + "])"), "v3").status())
        .isEqualTo(204);
    assertThat(dav.send("PUT", "doc.txt", Map.of("If", "(<DAV:no-lock> [" + etag + "])"), "v4").status())
        .isEqualTo(412);
    assertThat(dav.send("PUT", "doc.txt", Map.of("If", "(<" + token + "x>) (Not <DAV:no-lock>)"), "v4").status())
        .isEqualTo(423);
    assertThat(dav.send("PUT", "doc.txt", Map.of("If", "<" + dav.url("doc.txt") + "> (<" + token + ">)"), "v5")
        .status()).isEqualTo(204);
    assertThat(dav.get("doc.txt").body()).isEqualTo("v5");

    Reply discovery = dav.propfind("doc.txt", "0",
        "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:lockdiscovery/></d:prop></d:propfind>");
    assertThat(discovery.body()).contains(token).contains("<d:exclusive/>");

    assertThat(dav.send("UNLOCK", "doc.txt", Map.of("Lock-Token", "<urn:uuid:00000000-0000-0000-0000-000000000000>"),
        null).status()).isEqualTo(409);
    assertThat(dav.send("UNLOCK", "doc.txt", Map.of("Lock-Token", "<" + token + ">"), null).status()).isEqualTo(204);
    assertThat(other.put("doc.txt", "after").status()).isEqualTo(204);
  }

  @Test
  void sharedLocksCoexistAndOneTokenIsEnough() {
    DavClient dav = DavClient.forNewUser();
    dav.put("shared.txt", "x");
    String first = token(dav.send("LOCK", "shared.txt", Map.of("Depth", "0"), lockBody("shared")));
    Reply second = dav.send("LOCK", "shared.txt", Map.of("Depth", "0"), lockBody("shared"));
    assertThat(second.status()).isEqualTo(200);
    assertThat(dav.send("LOCK", "shared.txt", Map.of("Depth", "0"), lockBody("exclusive")).status()).isEqualTo(423);
    assertThat(dav.put("shared.txt", "y").status()).isEqualTo(423);
    assertThat(dav.send("PUT", "shared.txt", Map.of("If", "(<" + first + ">)"), "y").status()).isEqualTo(204);
    assertThat(dav.send("UNLOCK", "shared.txt", Map.of("Lock-Token", "<" + token(second) + ">"), null).status())
        .isEqualTo(204);
  }

  @Test
  void aDepthInfinityLockProtectsEverythingInsideAFolder() {
    DavClient dav = DavClient.forNewUser();
    dav.mkcol("project/");
    dav.mkcol("project/sub/");
    dav.put("project/sub/a.txt", "a");
    Reply lock = dav.send("LOCK", "project/", Map.of("Depth", "infinity"), lockBody("exclusive"));
    assertThat(lock.status()).isEqualTo(200);
    String token = token(lock);
    assertThat(dav.put("project/new.txt", "n").status()).isEqualTo(423);
    assertThat(dav.put("project/sub/a.txt", "changed").status()).isEqualTo(423);
    assertThat(dav.mkcol("project/sub/inner/").status()).isEqualTo(423);
    assertThat(dav.delete("project/").status()).isEqualTo(423);
    assertThat(dav.send("PUT", "project/new.txt", Map.of("If", "(<" + token + ">)"), "n").status()).isEqualTo(201);
    assertThat(dav.send("LOCK", "project/sub/a.txt", Map.of("Depth", "0"), lockBody("exclusive")).status())
        .isEqualTo(423);

    Reply refresh = dav.send("LOCK", "project/sub/a.txt", Map.of("If", "(<" + token + ">)", "Timeout", "Second-100"),
        null);
    assertThat(refresh.status()).isEqualTo(200);
    assertThat(refresh.body()).contains(token).containsPattern("Second-(99|100)<");

    assertThat(dav.send("DELETE", "project/", Map.of("If", "(<" + token + ">)"), null).status()).isEqualTo(204);
    assertThat(dav.mkcol("project/").status()).isEqualTo(201);
    assertThat(dav.put("project/fresh.txt", "f").status()).as("locks go with what they locked").isEqualTo(201);
  }

  @Test
  void lockingAnUnmappedAddressCreatesAnEmptyFile() {
    DavClient dav = DavClient.forNewUser();
    Reply lock = dav.send("LOCK", "reserved.odt", Map.of("Depth", "0"), lockBody("exclusive"));
    assertThat(lock.status()).isEqualTo(201);
    Reply get = dav.get("reserved.odt");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).isEmpty();
    assertThat(dav.send("LOCK", "missing/reserved.odt", Map.of("Depth", "0"), lockBody("exclusive")).status())
        .isEqualTo(409);
  }

  @Test
  void anExpiredLockNoLongerStopsWrites() throws InterruptedException {
    DavClient dav = DavClient.forNewUser();
    dav.put("brief.txt", "x");
    Reply lock = dav.send("LOCK", "brief.txt", Map.of("Depth", "0", "Timeout", "Second-1"), lockBody("exclusive"));
    assertThat(lock.status()).isEqualTo(200);
    assertThat(dav.put("brief.txt", "y").status()).isEqualTo(423);
    Thread.sleep(1500);
    assertThat(dav.put("brief.txt", "y").status()).isEqualTo(204);
  }

  @Test
  void badLockRequestsAreRefused() {
    DavClient dav = DavClient.forNewUser();
    dav.put("f.txt", "x");
    assertThat(dav.send("LOCK", "f.txt", Map.of("Depth", "1"), lockBody("exclusive")).status()).isEqualTo(400);
    assertThat(dav.send("LOCK", "f.txt", Map.of(), "<d:lockinfo xmlns:d=\"DAV:\"><d:lockscope>").status())
        .isEqualTo(400);
    assertThat(dav.send("LOCK", "f.txt", Map.of(), null).status()).as("refresh without If").isEqualTo(400);
    assertThat(dav.send("LOCK", "f.txt", Map.of("If", "(<urn:uuid:nope>)"), null).status()).isEqualTo(412);
    assertThat(dav.send("UNLOCK", "f.txt", Map.of(), null).status()).isEqualTo(400);
    assertThat(dav.send("PUT", "f.txt", Map.of("If", "(garbage"), "y").status()).isEqualTo(400);
  }
}
