package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Renaming, moving and copying files and whole folders, with conflict handling. */
class MoveCopyIT {

  @Test
  void renamingKeepsTheContentAndRefusesTakenNamesUnlessAskedToRename() {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.upload("root", "draft.txt", "text");
    user.upload("root", "final.txt", "other");
    String id = FilesUser.str(file, "id");

    Reply renamed = user.client.patch("/api/files/" + id, Map.of("name", "notes.txt"));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json()).containsEntry("name", "notes.txt").containsEntry("etag", file.get("etag"));
    assertThat(user.content(id)).isEqualTo("text");

    Reply taken = user.client.patch("/api/files/" + id, Map.of("name", "final.txt"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.string("detail")).contains("'final.txt'");
    Reply numbered = user.client.patch("/api/files/" + id + "?onConflict=rename", Map.of("name", "final.txt"));
    assertThat(numbered.string("name")).isEqualTo("final (2).txt");

    assertThat(user.client.patch("/api/files/" + id, Map.of("name", "../x")).status()).isEqualTo(400);
    assertThat(user.client.patch("/api/files/" + id, Map.of()).status()).isEqualTo(400);
    assertThat(user.names("root")).containsExactly("final (2).txt", "final.txt");
  }

  @Test
  void aNewExtensionGivesRenamesAndCopiesItsTypeAndAnUnknownOneKeepsTheType() {
    FilesUser user = FilesUser.create();
    Map<String, Object> file = user.upload("root", "notes.txt", "# Plan");
    String id = FilesUser.str(file, "id");
    assertThat(file).containsEntry("mimeType", "text/plain");

    Reply markdown = user.client.patch("/api/files/" + id, Map.of("name", "notes.md"));
    assertThat(markdown.json()).containsEntry("mimeType", "text/markdown").containsEntry("etag", file.get("etag"));
    Reply bare = user.client.patch("/api/files/" + id, Map.of("name", "NOTES"));
    assertThat(bare.string("mimeType")).isEqualTo("text/markdown");

    Reply copy = user.client.post("/api/files/" + id + "/copy", Map.of("parentId", "root", "name", "notes.csv"));
    assertThat(copy.status()).as(copy.body()).isEqualTo(201);
    assertThat(copy.string("mimeType")).isEqualTo("text/csv");
    assertThat(user.client.get("/api/files/" + id).string("mimeType")).isEqualTo("text/markdown");
  }

  @Test
  void movingAFileOrFolderChangesItsFolder() {
    FilesUser user = FilesUser.create();
    String target = FilesUser.str(user.mkdir("root", "Archive"), "id");
    String folder = FilesUser.str(user.mkdir("root", "Project"), "id");
    user.upload(folder, "plan.txt", "plan");
    String file = FilesUser.str(user.upload("root", "a.txt", "a"), "id");

    assertThat(user.client.patch("/api/files/" + file, Map.of("parentId", target)).json())
        .containsEntry("parentId", target);
    assertThat(user.client.patch("/api/files/" + folder, Map.of("parentId", target, "name", "Old project")).json())
        .containsEntry("name", "Old project");

    assertThat(user.names("root")).containsExactly("Archive");
    assertThat(user.names(target)).containsExactly("Old project", "a.txt");
    assertThat(user.names(folder)).containsExactly("plan.txt");
    assertThat(user.client.patch("/api/files/" + file, Map.of("parentId", "root")).json())
        .containsEntry("parentId", user.rootId());
  }

  @Test
  void aFolderCannotMoveIntoItselfOrBelowItself() {
    FilesUser user = FilesUser.create();
    String a = FilesUser.str(user.mkdir("root", "a"), "id");
    String b = FilesUser.str(user.mkdir(a, "b"), "id");
    String c = FilesUser.str(user.mkdir(b, "c"), "id");

    for (String target : new String[] {a, b, c}) {
      Reply reply = user.client.patch("/api/files/" + a, Map.of("parentId", target));
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.string("detail")).contains("into itself or one of its subfolders");
    }
    assertThat(user.listing(c).get("breadcrumbs").toString()).contains("name=a").contains("name=b");
    assertThat(user.client.patch("/api/files/root", Map.of("name", "x")).status()).isEqualTo(400);
    assertThat(user.client.patch("/api/files/" + user.rootId(), Map.of("name", "x")).status()).isEqualTo(400);
  }

  @Test
  void copyingAFileMakesAnIndependentCopy() {
    FilesUser user = FilesUser.create();
    String folder = FilesUser.str(user.mkdir("root", "Copies"), "id");
    String file = FilesUser.str(user.upload("root", "a.txt", "original"), "id");

    Reply copy = user.client.post("/api/files/" + file + "/copy", Map.of("parentId", folder));
    assertThat(copy.status()).isEqualTo(201);
    String copyId = copy.string("id");
    assertThat(copyId).isNotEqualTo(file);
    assertThat(copy.json()).containsEntry("name", "a.txt").containsEntry("parentId", folder);
    assertThat(user.content(copyId)).isEqualTo("original");

    user.upload(folder, "a.txt", "changed copy");
    assertThat(user.content(file)).isEqualTo("original");

    assertThat(user.client.post("/api/files/" + file + "/copy", Map.of("parentId", "root")).status()).isEqualTo(409);
    assertThat(user.client.post("/api/files/" + file + "/copy?onConflict=rename", Map.of("parentId", "root"))
            .string("name"))
        .isEqualTo("a (2).txt");
    assertThat(user.client.post("/api/files/" + file + "/copy", Map.of("parentId", "root", "name", "b.txt"))
            .string("name"))
        .isEqualTo("b.txt");
    assertThat(user.client.post("/api/files/" + file + "/copy", Map.of()).status()).isEqualTo(400);
    assertThat(user.usedBytes()).isEqualTo(8 + 12 + 8 + 8 + 8);
  }

  @Test
  void copyingAFolderCopiesEverythingInIt() {
    FilesUser user = FilesUser.create();
    String docs = FilesUser.str(user.mkdir("root", "Docs"), "id");
    String sub = FilesUser.str(user.mkdir(docs, "sub"), "id");
    user.mkdir(sub, "empty");
    String x = FilesUser.str(user.upload(docs, "x.txt", "x-content"), "id");
    user.upload(sub, "y.txt", "y-content");

    Reply copy = user.client.post("/api/files/" + docs + "/copy", Map.of("parentId", "root", "name", "Docs copy"));
    assertThat(copy.status()).isEqualTo(201);
    String docsCopy = copy.string("id");
    assertThat(user.names(docsCopy)).containsExactly("sub", "x.txt");
    Map<String, String> byName = new HashMap<>();
    user.items(docsCopy).forEach(i -> byName.put((String) i.get("name"), (String) i.get("id")));
    assertThat(byName.get("x.txt")).isNotEqualTo(x);
    assertThat(user.content(byName.get("x.txt"))).isEqualTo("x-content");
    assertThat(user.names(byName.get("sub"))).containsExactly("empty", "y.txt");
    String yCopy = FilesUser.str(user.items(byName.get("sub")).get(1), "id");
    assertThat(user.content(yCopy)).isEqualTo("y-content");

    Reply intoItself = user.client.post("/api/files/" + docs + "/copy", Map.of("parentId", sub));
    assertThat(intoItself.status()).isEqualTo(400);
    assertThat(user.names(sub)).containsExactly("empty", "y.txt");
  }

  @Test
  void otherUsersNodesAndFoldersAreNotFound() {
    FilesUser owner = FilesUser.create();
    FilesUser other = FilesUser.create();
    String file = FilesUser.str(owner.upload("root", "a.txt", "a"), "id");
    String folder = FilesUser.str(owner.mkdir("root", "f"), "id");
    String mine = FilesUser.str(other.upload("root", "mine.txt", "m"), "id");

    assertThat(other.client.patch("/api/files/" + file, Map.of("name", "stolen.txt")).status()).isEqualTo(404);
    assertThat(other.client.post("/api/files/" + file + "/copy", Map.of("parentId", "root")).status()).isEqualTo(404);
    assertThat(other.client.patch("/api/files/" + mine, Map.of("parentId", folder)).status()).isEqualTo(404);
    assertThat(other.client.post("/api/files/" + mine + "/copy", Map.of("parentId", folder)).status()).isEqualTo(404);
    assertThat(owner.names("root")).containsExactly("f", "a.txt");
    assertThat(owner.items(folder)).isEmpty();
  }

  @Test
  void withoutATokenMovesAndCopiesAre401() {
    ApiClient anonymous = new ApiClient();
    String id = "00000000-0000-4000-8000-000000000000";
    assertThat(anonymous.patch("/api/files/" + id, Map.of("name", "x")).status()).isEqualTo(401);
    assertThat(anonymous.post("/api/files/" + id + "/copy", Map.of("parentId", "root")).status()).isEqualTo(401);
    assertThat(anonymous.delete("/api/files/" + id).status()).isEqualTo(401);
  }
}
