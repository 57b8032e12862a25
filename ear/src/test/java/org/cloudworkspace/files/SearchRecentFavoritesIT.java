package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Finding files: by name, by recency, by favourite. Only one's own, never what is in the trash. */
class SearchRecentFavoritesIT {

  @Test
  void searchFindsOwnNamesIgnoringCaseWithTheirPaths() {
    FilesUser user = FilesUser.create();
    FilesUser other = FilesUser.create();
    String reports = FilesUser.str(user.mkdir("root", "Reports"), "id");
    user.upload(reports, "Annual REPORT 2025.pdf", "x");
    user.upload("root", "report-draft.txt", "x");
    user.upload("root", "unrelated.txt", "x");
    String trashed = FilesUser.str(user.upload("root", "old report.txt", "x"), "id");
    user.client.delete("/api/files/" + trashed);
    other.upload("root", "someone else's report.txt", "x");

    Reply reply = user.client.get("/api/files/search?q=RePoRt");
    assertThat(reply.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) reply.json().get("items");
    assertThat(items).extracting(i -> i.get("name"))
        .containsExactly("Annual REPORT 2025.pdf", "report-draft.txt", "Reports");
    assertThat(items).extracting(i -> i.get("path"))
        .containsExactly("/Reports/Annual REPORT 2025.pdf", "/report-draft.txt", "/Reports");
    assertThat(FilesUser.num(reply.json(), "total")).isEqualTo(3);

    Reply page = user.client.get("/api/files/search?q=report&page=1&size=2");
    assertThat(FilesUser.num(page.json(), "total")).isEqualTo(3);
    assertThat((List<?>) page.json().get("items")).hasSize(1);
  }

  @Test
  void searchTreatsWildcardsAsText() {
    FilesUser user = FilesUser.create();
    user.upload("root", "100% done.txt", "x");
    user.upload("root", "1000 done.txt", "x");
    user.upload("root", "a_b.txt", "x");
    user.upload("root", "axb.txt", "x");
    assertThat(names(user.client.get("/api/files/search?q=" + FilesUser.encode("0%")))).containsExactly("100% done.txt");
    assertThat(names(user.client.get("/api/files/search?q=a_b"))).containsExactly("a_b.txt");
    assertThat(user.client.get("/api/files/search").status()).isEqualTo(400);
    assertThat(user.client.get("/api/files/search?q=%20%20").status()).isEqualTo(400);
    assertThat(user.client.get("/api/files/search?q=x&size=1000").status()).isEqualTo(400);
  }

  @Test
  void recentFilesAreNewestFirst() throws Exception {
    FilesUser user = FilesUser.create();
    String folder = FilesUser.str(user.mkdir("root", "f"), "id");
    user.upload("root", "first.txt", "1");
    Thread.sleep(5);
    user.upload(folder, "second.txt", "2");
    Thread.sleep(5);
    user.upload("root", "third.txt", "3");
    Thread.sleep(5);
    user.upload("root", "first.txt", "1 again");

    List<Map<String, Object>> recent = user.client.get("/api/files/recent").jsonList();
    assertThat(recent).extracting(r -> r.get("name")).containsExactly("first.txt", "third.txt", "second.txt");
    assertThat(recent.get(2)).containsEntry("path", "/f/second.txt");
    assertThat(user.client.get("/api/files/recent?size=1").jsonList()).hasSize(1);
    assertThat(user.client.get("/api/files/recent?size=0").status()).isEqualTo(400);
  }

  @Test
  void favouritesAreMarkedListedAndUnmarked() {
    FilesUser user = FilesUser.create();
    String folder = FilesUser.str(user.mkdir("root", "Important"), "id");
    String file = FilesUser.str(user.upload("root", "a.txt", "a"), "id");
    String trashed = FilesUser.str(user.upload("root", "gone.txt", "g"), "id");

    for (String id : List.of(folder, file, trashed)) {
      assertThat(user.client.putEmpty("/api/files/" + id + "/favorite").status()).isEqualTo(204);
    }
    assertThat(user.client.putEmpty("/api/files/" + file + "/favorite").status()).as("twice").isEqualTo(204);
    user.client.delete("/api/files/" + trashed);

    List<Map<String, Object>> favorites = user.client.get("/api/files/favorites").jsonList();
    assertThat(favorites).extracting(f -> f.get("name")).containsExactly("a.txt", "Important");
    assertThat(favorites).allSatisfy(f -> assertThat(f).containsEntry("favorite", true));
    assertThat(user.items("root")).allSatisfy(i -> assertThat(i).containsEntry("favorite", true));
    assertThat(user.client.get("/api/files/" + file).json()).containsEntry("favorite", true);

    assertThat(user.client.delete("/api/files/" + file + "/favorite").status()).isEqualTo(204);
    assertThat(user.client.delete("/api/files/" + file + "/favorite").status()).isEqualTo(204);
    assertThat(user.client.get("/api/files/favorites").jsonList()).extracting(f -> f.get("name"))
        .containsExactly("Important");
    assertThat(user.client.get("/api/files/" + file).json()).containsEntry("favorite", false);
  }

  @Test
  void otherUsersFilesCannotBeFavouritedAndEverythingNeedsAToken() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String file = FilesUser.str(owner.upload("root", "a.txt", "a"), "id");
    assertThat(other.client.putEmpty("/api/files/" + file + "/favorite").status()).isEqualTo(404);
    assertThat(other.client.delete("/api/files/" + file + "/favorite").status()).isEqualTo(404);
    assertThat(other.client.get("/api/files/favorites").jsonList()).isEmpty();
    assertThat(other.client.get("/api/files/recent").jsonList()).isEmpty();

    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/files/search?q=a").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/files/recent").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/files/favorites").status()).isEqualTo(401);
    assertThat(anonymous.putEmpty("/api/files/" + file + "/favorite").status()).isEqualTo(401);
    assertThat(anonymous.delete("/api/files/" + file + "/favorite").status()).isEqualTo(401);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> names(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return ((List<Map<String, Object>>) reply.json().get("items")).stream().map(i -> i.get("name")).toList();
  }
}
