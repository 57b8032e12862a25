package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** WebDAV methods against the real server: what a desktop mount does, and what users notice when it breaks. */
class WebDavIT {

  private static final String ALLPROP = "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:allprop/></d:propfind>";

  @Test
  void optionsAnnouncesClassesOneAndTwoEvenWithoutCredentials() {
    DavClient anonymous = new DavClient("nobody", null);
    Reply options = anonymous.send("OPTIONS", "", Map.of(), null);
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.header("DAV")).contains("1, 2");
    assertThat(options.header("Allow").orElseThrow()).contains("PROPFIND", "PROPPATCH", "LOCK", "UNLOCK", "MOVE");
  }

  @Test
  void withoutValidCredentialsTheAnswerIs401WithABasicChallenge() {
    FilesUser user = FilesUser.create();
    Reply none = new DavClient(user.username, null).propfind("", "0", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
    assertThat(none.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    Reply wrong = new DavClient(user.username, "wrong-password-123").propfind("", "0", null);
    Reply unknown = new DavClient("nosuch-" + user.username, "wrong-password-123").propfind("", "0", null);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
  }

  @Test
  void theAccountPasswordWorksForAccountsWithoutTwoFactorSignIn() {
    FilesUser user = FilesUser.create();
    DavClient dav = new DavClient(user.username, user.password);
    assertThat(dav.put("a.txt", "hello").status()).isEqualTo(201);
    assertThat(dav.get("a.txt").body()).isEqualTo("hello");
  }

  @Test
  void putGetHeadWithRangesEtagsAndSafeHeaders() {
    DavClient dav = DavClient.forNewUser();
    Reply put = dav.put("notes.txt", "0123456789");
    assertThat(put.status()).isEqualTo(201);
    String etag = put.header("ETag").orElseThrow();

    Reply get = dav.get("notes.txt");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("0123456789");
    assertThat(get.header("ETag")).contains(etag);
    assertThat(get.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(get.header("Content-Security-Policy").orElseThrow()).contains("sandbox");
    assertThat(get.header("Content-Disposition").orElseThrow()).startsWith("attachment;");

    Reply head = dav.send("HEAD", "notes.txt", Map.of(), null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).contains("10");
    assertThat(head.body()).isEmpty();

    Reply range = dav.send("GET", "notes.txt", Map.of("Range", "bytes=2-4"), null);
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.body()).isEqualTo("234");
    assertThat(range.header("Content-Range")).contains("bytes 2-4/10");
    assertThat(dav.send("GET", "notes.txt", Map.of("Range", "bytes=50-"), null).status()).isEqualTo(416);
    assertThat(dav.send("GET", "notes.txt", Map.of("If-None-Match", etag), null).status()).isEqualTo(304);
  }

  /**
   * A '#' is an ordinary character of a file name (Servlet 6 containers refuse an encoded '#' in a path unless told
   * otherwise): such files are uploaded, listed, moved and read over WebDAV and REST, and their hrefs encode it.
   */
  @Test
  void namesWithAHashWorkOverWebDavAndRest() {
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    assertThat(dav.mkcol("C%23%20projects").status()).isEqualTo(201);
    assertThat(dav.put("C%23%20projects/Invoice%20%2312.txt", "paid").status()).isEqualTo(201);
    assertThat(dav.get("C%23%20projects/Invoice%20%2312.txt").body()).isEqualTo("paid");
    Reply listing = dav.propfind("C%23%20projects/", "1", null);
    assertThat(listing.status()).isEqualTo(207);
    assertThat(listing.body()).contains("/C%23%20projects/Invoice%20%2312.txt</");

    Reply moved = dav.send("MOVE", "C%23%20projects/Invoice%20%2312.txt",
        Map.of("Destination", dav.url("C%23%20projects/%23%231%20done.txt")), null);
    assertThat(moved.status()).isEqualTo(201);
    assertThat(dav.get("C%23%20projects/%23%231%20done.txt").body()).isEqualTo("paid");

    Reply uploaded = user.client.putBytes("/api/files/folders/root/files/" + FilesUser.encode("Notes #2.md"),
        "text/markdown", "# two".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    assertThat(uploaded.string("name")).isEqualTo("Notes #2.md");
    assertThat(user.names(user.rootId())).contains("C# projects", "Notes #2.md");
    assertThat(dav.get("Notes%20%232.md").body()).isEqualTo("# two");

    // The rest of the container's old check still holds: encoded dots, slashes and backslashes are refused.
    assertThat(dav.get("a%2Fb").status()).isEqualTo(400);
    assertThat(dav.get("%2e%2e/x").status()).isEqualTo(400);
    assertThat(dav.get("a%5Cb").status()).isEqualTo(400);
  }

  @Test
  void storedHtmlIsNeverRenderedInOurOrigin() {
    DavClient dav = DavClient.forNewUser();
    dav.send("PUT", "page.html", Map.of("Content-Type", "text/html"), "<script>alert(1)</script>");
    Reply get = dav.get("page.html");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.header("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(get.header("Content-Security-Policy").orElseThrow()).contains("sandbox").contains("default-src 'none'");
    assertThat(get.header("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void overwritingKeepsThePreviousContentAsAVersionAndHonoursIfMatch() {
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    String first = dav.put("doc.txt", "first").header("ETag").orElseThrow();
    Reply second = dav.put("doc.txt", "second");
    assertThat(second.status()).isEqualTo(204);
    assertThat(dav.get("doc.txt").body()).isEqualTo("second");
    String fileId = (String) user.items("root").get(0).get("id");
    List<Map<String, Object>> versions = user.client.get("/api/files/" + fileId + "/versions").jsonList();
    assertThat(versions).hasSize(1);
    assertThat(((Number) versions.get(0).get("size")).longValue()).isEqualTo(5);

    Reply stale = dav.send("PUT", "doc.txt", Map.of("If-Match", first), "third");
    assertThat(stale.status()).isEqualTo(412);
    Reply exists = dav.send("PUT", "doc.txt", Map.of("If-None-Match", "*"), "third");
    assertThat(exists.status()).isEqualTo(412);
    assertThat(dav.get("doc.txt").body()).isEqualTo("second");
    String current = dav.get("doc.txt").header("ETag").orElseThrow();
    assertThat(dav.send("PUT", "doc.txt", Map.of("If-Match", current), "third").status()).isEqualTo(204);
  }

  @Test
  void putNeedsAnExistingFolderAndRespectsTheQuota() {
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    assertThat(dav.put("missing/a.txt", "x").status()).isEqualTo(409);
    user.quota(100);
    Reply full = dav.put("big.bin", "x".repeat(200));
    assertThat(full.status()).isEqualTo(507);
    assertThat(full.json().get("detail").toString()).contains("free");
    assertThat(user.items("root")).isEmpty();
  }

  @Test
  void mkcolCreatesFoldersOnce() {
    DavClient dav = DavClient.forNewUser();
    assertThat(dav.mkcol("photos/").status()).isEqualTo(201);
    assertThat(dav.mkcol("photos/").status()).isEqualTo(405);
    assertThat(dav.mkcol("a/b/").status()).isEqualTo(409);
    assertThat(dav.send("MKCOL", "withbody/", Map.of("Content-Type", "text/plain"), "x").status()).isEqualTo(415);
    assertThat(dav.propfind("photos/", "0", null).status()).isEqualTo(207);
  }

  @Test
  void propfindListsAFolderWithTheLivePropertiesClientsNeed() {
    DavClient dav = DavClient.forNewUser();
    dav.mkcol("docs/");
    dav.put("docs/a%20b.txt", "hello");
    dav.mkcol("docs/sub/");
    Reply listing = dav.propfind("docs/", "1", ALLPROP);
    assertThat(listing.status()).isEqualTo(207);
    assertThat(listing.header("Content-Type").orElseThrow()).startsWith("application/xml");
    Multistatus ms = Multistatus.parse(listing.body());
    String folder = dav.path("docs/");
    String file = dav.path("docs/a%20b.txt");
    assertThat(ms.found().keySet()).containsExactlyInAnyOrder(folder, file, dav.path("docs/sub/"));
    assertThat(ms.dav(file, "getcontentlength")).isEqualTo("5");
    assertThat(ms.dav(file, "getcontenttype")).isEqualTo("text/plain");
    assertThat(ms.dav(file, "displayname")).isEqualTo("a b.txt");
    assertThat(ms.dav(file, "getetag")).startsWith("\"");
    assertThat(ms.dav(file, "getlastmodified")).endsWith("GMT");
    assertThat(ms.dav(file, "creationdate")).endsWith("Z");
    assertThat(ms.dav(file, "resourcetype")).isEmpty();
    assertThat(listing.body()).contains("<d:collection/>").contains("<d:supportedlock>");

    Reply quota = dav.propfind("", "0",
        "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:quota-available-bytes/><d:quota-used-bytes/><x:nope xmlns:x=\"urn:x\"/>"
            + "</d:prop></d:propfind>");
    Multistatus q = Multistatus.parse(quota.body());
    assertThat(Long.parseLong(q.dav(dav.path(""), "quota-used-bytes"))).isEqualTo(5);
    assertThat(Long.parseLong(q.dav(dav.path(""), "quota-available-bytes"))).isPositive();
    assertThat(q.missing().get(dav.path(""))).containsKey("{urn:x}nope");

    Reply names = dav.propfind("docs/a%20b.txt", "0",
        "<d:propfind xmlns:d=\"DAV:\"><d:propname/></d:propfind>");
    assertThat(Multistatus.parse(names.body()).found().get(file)).containsKey("{DAV:}getetag")
        .containsEntry("{DAV:}getcontentlength", "");
  }

  @Test
  void propfindRefusesInfiniteDepthAndBadXml() {
    DavClient dav = DavClient.forNewUser();
    Reply infinite = dav.send("PROPFIND", "", Map.of("Depth", "infinity"), null);
    assertThat(infinite.status()).isEqualTo(403);
    assertThat(infinite.body()).contains("propfind-finite-depth");
    Reply noDepth = dav.send("PROPFIND", "", Map.of(), null);
    assertThat(noDepth.status()).isEqualTo(403);
    assertThat(dav.propfind("", "1", "<d:propfind xmlns:d=\"DAV:\"><d:prop>").status()).isEqualTo(400);
    assertThat(dav.propfind("nothing-here", "0", null).status()).isEqualTo(404);
  }

  @Test
  void xmlExternalEntitiesAreRefused() {
    DavClient dav = DavClient.forNewUser();
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<d:propertyupdate xmlns:d=\"DAV:\"><d:set><d:prop><y:p xmlns:y=\"urn:y\">&x;</y:p></d:prop></d:set>"
        + "</d:propertyupdate>";
    dav.put("f.txt", "x");
    Reply patch = dav.send("PROPPATCH", "f.txt", Map.of("Content-Type", "application/xml"), xxe);
    assertThat(patch.status()).isEqualTo(400);
    assertThat(patch.body()).doesNotContain("root:");
    Reply read = dav.propfind("f.txt", "0", ALLPROP);
    assertThat(read.body()).doesNotContain("root:").doesNotContain("urn:y");
  }

  @Test
  void proppatchStoresDeadPropertiesAllOrNothing() {
    DavClient dav = DavClient.forNewUser();
    dav.put("f.txt", "x");
    Reply set = dav.send("PROPPATCH", "f.txt", Map.of(),
        "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:z=\"urn:z\"><d:set><d:prop><z:colour>red</z:colour>"
            + "<z:tags><z:t lang=\"en\">a &amp; b</z:t></z:tags></d:prop></d:set></d:propertyupdate>");
    assertThat(set.status()).isEqualTo(207);
    assertThat(set.body()).contains("HTTP/1.1 200 OK");
    String find = "<d:propfind xmlns:d=\"DAV:\"><d:prop><z:colour xmlns:z=\"urn:z\"/><z:tags xmlns:z=\"urn:z\"/>"
        + "</d:prop></d:propfind>";
    Multistatus ms = Multistatus.parse(dav.propfind("f.txt", "0", find).body());
    assertThat(ms.found().get(dav.path("f.txt"))).containsEntry("{urn:z}colour", "red")
        .containsEntry("{urn:z}tags", "a & b");

    Reply mixed = dav.send("PROPPATCH", "f.txt", Map.of(),
        "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:z=\"urn:z\"><d:set><d:prop><z:colour>blue</z:colour>"
            + "<d:getetag>\"x\"</d:getetag></d:prop></d:set></d:propertyupdate>");
    assertThat(mixed.status()).isEqualTo(207);
    assertThat(mixed.body()).contains("403 Forbidden").contains("424 Failed Dependency");
    ms = Multistatus.parse(dav.propfind("f.txt", "0", find).body());
    assertThat(ms.found().get(dav.path("f.txt"))).containsEntry("{urn:z}colour", "red");

    Reply remove = dav.send("PROPPATCH", "f.txt", Map.of(),
        "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:z=\"urn:z\"><d:remove><d:prop><z:colour/></d:prop></d:remove>"
            + "</d:propertyupdate>");
    assertThat(remove.status()).isEqualTo(207);
    ms = Multistatus.parse(dav.propfind("f.txt", "0", find).body());
    assertThat(ms.missing().get(dav.path("f.txt"))).containsKey("{urn:z}colour");
  }

  @Test
  void deleteMovesToTheTrash() {
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    dav.mkcol("old/");
    dav.put("old/a.txt", "x");
    assertThat(dav.delete("old/").status()).isEqualTo(204);
    assertThat(dav.propfind("old/", "0", null).status()).isEqualTo(404);
    assertThat(user.client.get("/api/files/trash").jsonList()).extracting(i -> i.get("name")).containsExactly("old");
    assertThat(dav.delete("old/").status()).isEqualTo(404);
    assertThat(dav.delete("").status()).isEqualTo(403);
  }

  @Test
  void copyAndMoveWithDepthOverwriteAndProperties() {
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    dav.mkcol("src/");
    dav.put("src/a.txt", "alpha");
    dav.send("PROPPATCH", "src/a.txt", Map.of(),
        "<d:propertyupdate xmlns:d=\"DAV:\"><d:set><d:prop><z:k xmlns:z=\"urn:z\">v</z:k></d:prop></d:set>"
            + "</d:propertyupdate>");

    Reply copy = dav.send("COPY", "src/", Map.of("Destination", dav.url("copy/")), null);
    assertThat(copy.status()).isEqualTo(201);
    assertThat(dav.get("copy/a.txt").body()).isEqualTo("alpha");
    String find = "<d:propfind xmlns:d=\"DAV:\"><d:prop><z:k xmlns:z=\"urn:z\"/></d:prop></d:propfind>";
    assertThat(Multistatus.parse(dav.propfind("copy/a.txt", "0", find).body()).found().get(dav.path("copy/a.txt")))
        .containsEntry("{urn:z}k", "v");

    Reply shallow = dav.send("COPY", "src/", Map.of("Destination", dav.url("empty/"), "Depth", "0"), null);
    assertThat(shallow.status()).isEqualTo(201);
    assertThat(Multistatus.parse(dav.propfind("empty/", "1", null).body()).found()).hasSize(1);

    dav.put("other.txt", "other");
    Reply noOverwrite = dav.send("COPY", "other.txt", Map.of("Destination", dav.url("copy/a.txt"), "Overwrite", "F"),
        null);
    assertThat(noOverwrite.status()).isEqualTo(412);
    Reply overwrite = dav.send("COPY", "other.txt", Map.of("Destination", dav.url("copy/a.txt")), null);
    assertThat(overwrite.status()).isEqualTo(204);
    assertThat(dav.get("copy/a.txt").body()).isEqualTo("other");

    Reply move = dav.send("MOVE", "src/a.txt", Map.of("Destination", dav.url("moved.txt")), null);
    assertThat(move.status()).isEqualTo(201);
    assertThat(dav.get("src/a.txt").status()).isEqualTo(404);
    assertThat(dav.get("moved.txt").body()).isEqualTo("alpha");
    assertThat(Multistatus.parse(dav.propfind("moved.txt", "0", find).body()).found().get(dav.path("moved.txt")))
        .containsEntry("{urn:z}k", "v");

    Reply moveOver = dav.send("MOVE", "moved.txt", Map.of("Destination", dav.url("other.txt")), null);
    assertThat(moveOver.status()).isEqualTo(204);
    assertThat(dav.get("other.txt").body()).isEqualTo("alpha");
    assertThat(user.client.get("/api/files/trash").jsonList()).extracting(i -> i.get("name"))
        .contains("other.txt", "a.txt");

    assertThat(dav.send("MOVE", "src/", Map.of("Destination", dav.url("src/inner/")), null).status()).isEqualTo(403);
    assertThat(dav.send("MOVE", "copy/", Map.of("Destination", dav.url("nowhere/x/")), null).status())
        .isEqualTo(409);
    assertThat(dav.send("COPY", "copy/", Map.of("Destination", dav.url("c2/"), "Depth", "1"), null).status())
        .isEqualTo(400);
  }

  @Test
  void anotherUsersFilesAreNotFoundAndTheAttemptIsLogged() {
    FilesUser owner = FilesUser.create();
    DavClient ownerDav = DavClient.forUser(owner);
    ownerDav.put("secret.txt", "secret");
    DavClient intruder = DavClient.forNewUser();
    DavClient pointed = new DavClient(owner.username, intruder.secret);
    assertThat(pointed.get("secret.txt").status()).isEqualTo(401);
    Reply viaPath = intruder.send("GET", "../" + owner.username + "/secret.txt", Map.of(), null);
    assertThat(viaPath.status()).isIn(400, 404);

    String foreign = "/dav/files/" + owner.username + "/secret.txt";
    RawHttp.Answer read = RawHttp.send("GET", foreign, null, "Authorization: " + intruder.authorization() + "\r\n",
        null);
    assertThat(read.status()).isEqualTo(404);
    RawHttp.Answer put = RawHttp.send("PUT", foreign, null, "Authorization: " + intruder.authorization() + "\r\n",
        "overwritten".getBytes());
    assertThat(put.status()).isEqualTo(404);
    Reply move = intruder.send("COPY", "", Map.of("Destination",
        org.cloudworkspace.it.TestServers.appUrl() + foreign), null);
    assertThat(move.status()).isIn(403, 404);
    assertThat(ownerDav.get("secret.txt").body()).isEqualTo("secret");

    ApiClient admin = FilesUser.Admins.signedIn();
    List<Map<String, Object>> events =
        admin.get("/api/admin/audit-events?type=files.access_denied&user=" + intruder.username + "&size=20").items();
    assertThat(events).isNotEmpty();
  }
}
