package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Folder listings (sort, paging, breadcrumbs), new folders, name rules and other users' folders. */
class FolderIT {

  @Test
  void aNewUserHasAnEmptyRootFolder() {
    FilesUser user = FilesUser.create();
    Map<String, Object> listing = user.listing("root");
    @SuppressWarnings("unchecked")
    Map<String, Object> folder = (Map<String, Object>) listing.get("folder");
    assertThat(folder).containsEntry("name", "").containsEntry("type", "folder").containsEntry("parentId", null);
    assertThat(folder.get("id")).isEqualTo(user.rootId());
    assertThat((List<?>) listing.get("breadcrumbs")).hasSize(1);
    assertThat((List<?>) listing.get("items")).isEmpty();
    assertThat(FilesUser.num(listing, "total")).isZero();
  }

  @Test
  void creatingAFolderAnswers201WithTheNodeView() {
    FilesUser user = FilesUser.create();
    Reply reply = user.client.post("/api/files/folders/root/folders", Map.of("name", "Documents"));

    assertThat(reply.status()).isEqualTo(201);
    Map<String, Object> folder = reply.json();
    assertThat(folder.keySet())
        .containsExactlyInAnyOrder(
            "id", "name", "type", "parentId", "size", "mimeType", "createdAt", "modifiedAt", "etag", "favorite");
    assertThat(folder)
        .containsEntry("name", "Documents")
        .containsEntry("type", "folder")
        .containsEntry("parentId", user.rootId())
        .containsEntry("mimeType", null)
        .containsEntry("favorite", false);
    assertThat(FilesUser.num(folder, "size")).isZero();
    assertThat(FilesUser.str(folder, "etag")).startsWith("\"").endsWith("\"");
    assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/files/" + folder.get("id")));
    assertThat(user.client.get("/api/files/" + folder.get("id")).json()).containsEntry("name", "Documents");
  }

  @Test
  void aTakenNameIsAConflict() {
    FilesUser user = FilesUser.create();
    user.mkdir("root", "Photos");
    user.upload("root", "notes.txt", "x");

    Reply again = user.client.post("/api/files/folders/root/folders", Map.of("name", "Photos"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(again.string("detail")).contains("'Photos'");
    assertThat(user.client.post("/api/files/folders/root/folders", Map.of("name", "notes.txt")).status()).isEqualTo(409);
    assertThat(user.names("root")).containsExactly("Photos", "notes.txt");
  }

  @Test
  void breadcrumbsLeadFromTheRootToTheFolder() {
    FilesUser user = FilesUser.create();
    String a = FilesUser.str(user.mkdir("root", "a"), "id");
    String b = FilesUser.str(user.mkdir(a, "b"), "id");
    String c = FilesUser.str(user.mkdir(b, "c"), "id");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> crumbs = (List<Map<String, Object>>) user.listing(c).get("breadcrumbs");
    assertThat(crumbs).extracting(m -> m.get("name")).containsExactly("", "a", "b", "c");
    assertThat(crumbs).extracting(m -> m.get("id")).containsExactly(user.rootId(), a, b, c);
  }

  @Test
  void foldersComeFirstThenFilesInTheAskedOrderAndPages() throws Exception {
    FilesUser user = FilesUser.create();
    String bigFolder = FilesUser.str(user.mkdir("root", "b"), "id");
    user.mkdir("root", "A");
    user.upload(bigFolder, "inside.bin", "12345");
    user.upload("root", "c.txt", "x".repeat(30));
    Thread.sleep(5);
    user.upload("root", "a.txt", "x".repeat(10));
    Thread.sleep(5);
    user.upload("root", "B.txt", "x".repeat(20));

    assertThat(names(user, "sort=name&order=asc")).containsExactly("A", "b", "a.txt", "B.txt", "c.txt");
    assertThat(names(user, "sort=name&order=desc")).containsExactly("b", "A", "c.txt", "B.txt", "a.txt");
    assertThat(names(user, "sort=size&order=asc")).containsExactly("A", "b", "a.txt", "B.txt", "c.txt");
    assertThat(names(user, "sort=size&order=desc")).containsExactly("b", "A", "c.txt", "B.txt", "a.txt");
    assertThat(names(user, "sort=modified&order=desc").subList(2, 5)).containsExactly("B.txt", "a.txt", "c.txt");

    Reply page = user.client.get("/api/files/folders/root/children?sort=name&page=1&size=2");
    assertThat(FilesUser.num(page.json(), "total")).isEqualTo(5);
    assertThat(itemNames(page)).containsExactly("a.txt", "B.txt");
    assertThat(itemNames(user.client.get("/api/files/folders/root/children?page=2&size=2"))).containsExactly("c.txt");
    assertThat(itemNames(user.client.get("/api/files/folders/root/children?page=3&size=2"))).isEmpty();

    Map<String, Object> folderB =
        user.items("root").stream().filter(i -> "b".equals(i.get("name"))).findFirst().orElseThrow();
    assertThat(FilesUser.num(folderB, "size")).as("a folder's size: files directly in it").isEqualTo(5);
  }

  @Test
  void badListingParametersAreRefusedWithTheirField() {
    FilesUser user = FilesUser.create();
    for (String query : List.of("sort=colour", "order=up", "page=-1", "size=0", "size=5000")) {
      Reply reply = user.client.get("/api/files/folders/root/children?" + query);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.body()).contains("\"field\":\"" + query.substring(0, query.indexOf('=')) + "\"");
    }
  }

  @Test
  void badFolderNamesAreRefusedWithAReadableMessageAndNothingIsCreated() {
    FilesUser user = FilesUser.create();
    for (String name :
        List.of("", ".", "..", "a/b", "a\\b", "nul\u0000byte", "line\nbreak", " leading", "trailing ", "x".repeat(256),
            "%2e%2e", "%252e%252e")) {
      Reply reply = user.client.post("/api/files/folders/root/folders", Map.of("name", name));
      assertThat(reply.status()).as("name <%s>", name).isEqualTo(400);
      assertThat(reply.body()).contains("\"field\":\"name\"");
      assertThat(reply.string("detail")).isNotBlank().doesNotContain("Exception");
    }
    assertThat(user.client.post("/api/files/folders/root/folders", Map.of()).status()).isEqualTo(400);
    assertThat(user.items("root")).isEmpty();
  }

  @Test
  void aFileIsNotAFolder() {
    FilesUser user = FilesUser.create();
    String file = FilesUser.str(user.upload("root", "a.txt", "x"), "id");
    assertThat(user.client.get("/api/files/folders/" + file + "/children").status()).isEqualTo(400);
    assertThat(user.client.post("/api/files/folders/" + file + "/folders", Map.of("name", "x")).status())
        .isEqualTo(400);
  }

  @Test
  void malformedIdsAre400AndUnknownIdsAre404() {
    FilesUser user = FilesUser.create();
    Reply malformed = user.client.get("/api/files/folders/not-an-id/children");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.string("detail")).contains("not a valid folder id");
    assertThat(user.client.get("/api/files/folders/00000000-0000-4000-8000-000000000000/children").status())
        .isEqualTo(404);
  }

  @Test
  void anotherUsersFolderIsNotFoundAndTheAttemptIsAudited() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String folder = FilesUser.str(owner.mkdir("root", "Private"), "id");

    Reply listing = other.client.get("/api/files/folders/" + folder + "/children");
    assertThat(listing.status()).isEqualTo(404);
    Reply unknown = other.client.get("/api/files/folders/00000000-0000-4000-8000-000000000000/children");
    assertThat(listing.string("title")).isEqualTo(unknown.string("title"));
    assertThat(other.client.post("/api/files/folders/" + folder + "/folders", Map.of("name", "x")).status())
        .isEqualTo(404);
    assertThat(other.uploadReply(folder, "x.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").status())
        .isEqualTo(404);
    assertThat(owner.items(folder)).isEmpty();

    Reply audit =
        FilesUser.Admins.signedIn().get("/api/admin/audit-events?type=files.access_denied&actorId=" + other.id);
    assertThat(audit.items()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(audit.items().get(0)).containsEntry("target", "node " + folder).containsEntry("outcome", "failure");
  }

  @Test
  void withoutATokenEveryFolderEndpointIs401() {
    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/files/folders/root/children").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/files/folders/root/folders", Map.of("name", "x")).status()).isEqualTo(401);
    assertThat(anonymous.putBytes("/api/files/folders/root/files/x.txt", "text/plain", new byte[] {1}, Map.of())
            .status())
        .isEqualTo(401);
  }

  private static List<Object> names(FilesUser user, String query) {
    return itemNames(user.client.get("/api/files/folders/root/children?" + query));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> itemNames(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return ((List<Map<String, Object>>) reply.json().get("items")).stream().map(i -> i.get("name")).toList();
  }
}
