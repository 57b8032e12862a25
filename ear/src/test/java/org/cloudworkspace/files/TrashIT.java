package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Deleting to the trash, restoring (back, elsewhere, or to the root when the folder is gone), deleting for good. */
class TrashIT {

  private static Map<String, Object> trashItem(FilesUser user, String id) {
    return user.client.get("/api/files/trash").jsonList().stream()
        .filter(i -> id.equals(i.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not in the trash"));
  }

  @Test
  void aDeletedFileIsInTheTrashWithWhereItWas() {
    FilesUser user = FilesUser.create();
    String docs = FilesUser.str(user.mkdir("root", "Docs"), "id");
    String file = FilesUser.str(user.upload(docs, "report.txt", "12345"), "id");

    assertThat(user.client.delete("/api/files/" + file).status()).isEqualTo(204);

    assertThat(user.client.get("/api/files/" + file).status()).isEqualTo(404);
    assertThat(user.items(docs)).isEmpty();
    Map<String, Object> item = trashItem(user, file);
    assertThat(item.keySet())
        .containsExactlyInAnyOrder("id", "name", "type", "size", "trashedAt", "purgeAt", "originalPath");
    assertThat(item).containsEntry("name", "report.txt").containsEntry("type", "file")
        .containsEntry("originalPath", "/Docs/report.txt");
    assertThat(FilesUser.num(item, "size")).isEqualTo(5);
    assertThat(user.usedBytes()).as("the trash still counts").isEqualTo(5);
  }

  @Test
  void restoringPutsItBackWhereItWas() {
    FilesUser user = FilesUser.create();
    String docs = FilesUser.str(user.mkdir("root", "Docs"), "id");
    String file = FilesUser.str(user.upload(docs, "report.txt", "content"), "id");
    user.client.delete("/api/files/" + file);

    Reply restored = user.client.post("/api/files/trash/" + file + "/restore", null);
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json()).containsEntry("parentId", docs).containsEntry("name", "report.txt");
    assertThat(user.content(file)).isEqualTo("content");
    assertThat(user.client.get("/api/files/trash").jsonList()).isEmpty();
  }

  @Test
  void aDeletedFolderTakesItsSubtreeAndBringsItBack() {
    FilesUser user = FilesUser.create();
    String project = FilesUser.str(user.mkdir("root", "Project"), "id");
    String src = FilesUser.str(user.mkdir(project, "src"), "id");
    String main = FilesUser.str(user.upload(src, "Main.java", "class Main {}"), "id");
    user.upload(project, "README", "read me");

    user.client.delete("/api/files/" + project);
    assertThat(user.client.get("/api/files/" + main).status()).isEqualTo(404);
    assertThat(FilesUser.num(user.client.get("/api/files/search?q=Main").json(), "total")).isZero();
    Map<String, Object> item = trashItem(user, project);
    assertThat(item).containsEntry("type", "folder").containsEntry("originalPath", "/Project");
    assertThat(FilesUser.num(item, "size")).isEqualTo(13 + 7);
    assertThat(user.client.get("/api/files/trash").jsonList()).hasSize(1);

    user.client.post("/api/files/trash/" + project + "/restore", null);
    assertThat(user.names(project)).containsExactly("src", "README");
    assertThat(user.content(main)).isEqualTo("class Main {}");
  }

  @Test
  void whenTheOriginalFolderIsGoneTheItemGoesToTheRoot() {
    FilesUser user = FilesUser.create();
    String a = FilesUser.str(user.mkdir("root", "A"), "id");
    String b = FilesUser.str(user.mkdir("root", "B"), "id");
    String inA = FilesUser.str(user.upload(a, "one.txt", "1"), "id");
    String inB = FilesUser.str(user.upload(b, "two.txt", "2"), "id");
    user.client.delete("/api/files/" + inA);
    user.client.delete("/api/files/" + inB);
    user.client.delete("/api/files/" + a);
    user.client.delete("/api/files/" + b);
    assertThat(user.client.delete("/api/files/trash/" + b).status()).isEqualTo(204);

    assertThat(user.client.post("/api/files/trash/" + inA + "/restore", null).json())
        .as("the folder is in the trash").containsEntry("parentId", user.rootId());
    assertThat(user.client.post("/api/files/trash/" + inB + "/restore", null).json())
        .as("the folder was deleted for good").containsEntry("parentId", user.rootId());
    assertThat(user.names("root")).containsExactly("one.txt", "two.txt");
  }

  @Test
  void anItemDeletedBeforeItsFolderStaysInTheTrashWhenTheFolderComesBack() {
    FilesUser user = FilesUser.create();
    String outer = FilesUser.str(user.mkdir("root", "Outer"), "id");
    String inner = FilesUser.str(user.mkdir(outer, "Inner"), "id");
    user.client.delete("/api/files/" + inner);
    user.client.delete("/api/files/" + outer);

    user.client.post("/api/files/trash/" + outer + "/restore", null);
    assertThat(user.items(outer)).isEmpty();
    assertThat(user.client.get("/api/files/trash").jsonList()).extracting(i -> i.get("id")).containsExactly(inner);
    assertThat(user.client.post("/api/files/trash/" + inner + "/restore", null).json())
        .containsEntry("parentId", outer);
  }

  @Test
  void restoringIntoATakenNameOrAnotherFolder() {
    FilesUser user = FilesUser.create();
    String elsewhere = FilesUser.str(user.mkdir("root", "Elsewhere"), "id");
    String first = FilesUser.str(user.upload("root", "a.txt", "first"), "id");
    user.client.delete("/api/files/" + first);
    user.upload("root", "a.txt", "second");

    assertThat(user.client.post("/api/files/trash/" + first + "/restore", null).string("name")).isEqualTo("a (2).txt");

    user.client.delete("/api/files/" + first);
    Reply moved = user.client.postRaw("/api/files/trash/" + first + "/restore", "application/json",
        "{\"parentId\":\"" + elsewhere + "\"}");
    assertThat(moved.json()).containsEntry("parentId", elsewhere).containsEntry("name", "a (2).txt");
    user.client.delete("/api/files/" + first);
    assertThat(user.client.postRaw("/api/files/trash/" + first + "/restore", "application/json", "{\"parentId\":")
        .status()).isEqualTo(400);
  }

  @Test
  void deletingForGoodAndEmptyingTheTrashFreeTheBytes() {
    FilesUser user = FilesUser.create();
    String a = FilesUser.str(user.upload("root", "a.txt", "aaaa"), "id");
    user.upload("root", "a.txt", "aaaaaa");
    String folder = FilesUser.str(user.mkdir("root", "F"), "id");
    user.upload(folder, "b.txt", "bb");
    assertThat(user.usedBytes()).isEqualTo(4 + 6 + 2);

    user.client.delete("/api/files/" + a);
    assertThat(user.client.delete("/api/files/trash/" + a).status()).isEqualTo(204);
    assertThat(user.usedBytes()).as("file and its version are gone").isEqualTo(2);
    assertThat(user.client.post("/api/files/trash/" + a + "/restore", null).status()).isEqualTo(404);

    user.client.delete("/api/files/" + folder);
    assertThat(user.client.delete("/api/files/trash").status()).isEqualTo(204);
    assertThat(user.client.get("/api/files/trash").jsonList()).isEmpty();
    assertThat(user.usedBytes()).isZero();
    assertThat(user.items("root")).isEmpty();
  }

  @Test
  void onlyTrashItemsCanBeRestoredOrDeletedForGood() {
    FilesUser user = FilesUser.create();
    String live = FilesUser.str(user.upload("root", "live.txt", "x"), "id");
    assertThat(user.client.post("/api/files/trash/" + live + "/restore", null).status()).isEqualTo(404);
    assertThat(user.client.delete("/api/files/trash/" + live).status()).isEqualTo(404);
    assertThat(user.client.delete("/api/files/trash/not-an-id").status()).isEqualTo(400);
    assertThat(user.client.delete("/api/files/root").status()).isEqualTo(400);
    assertThat(user.client.delete("/api/files/" + user.rootId()).status()).isEqualTo(400);
    assertThat(user.content(live)).isEqualTo("x");
  }

  @Test
  void otherUsersTrashIsNotFoundAndWithoutATokenIs401() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String file = FilesUser.str(owner.upload("root", "a.txt", "x"), "id");
    assertThat(other.client.delete("/api/files/" + file).status()).isEqualTo(404);
    owner.client.delete("/api/files/" + file);

    assertThat(other.client.get("/api/files/trash").jsonList()).isEmpty();
    assertThat(other.client.post("/api/files/trash/" + file + "/restore", null).status()).isEqualTo(404);
    assertThat(other.client.delete("/api/files/trash/" + file).status()).isEqualTo(404);
    other.client.delete("/api/files/trash");
    assertThat(owner.client.get("/api/files/trash").jsonList()).hasSize(1);

    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/files/trash").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/files/trash/" + file + "/restore", null).status()).isEqualTo(401);
    assertThat(anonymous.delete("/api/files/trash/" + file).status()).isEqualTo(401);
    assertThat(anonymous.delete("/api/files/trash").status()).isEqualTo(401);
    List<Map<String, Object>> trash = owner.client.get("/api/files/trash").jsonList();
    assertThat(trash).hasSize(1);
  }
}
