package org.cloudworkspace.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.it.admin.AdminFixtures.admin;
import static org.cloudworkspace.it.admin.AdminFixtures.bytes;
import static org.cloudworkspace.it.admin.AdminFixtures.child;
import static org.cloudworkspace.it.admin.AdminFixtures.events;
import static org.cloudworkspace.it.admin.AdminFixtures.folder;
import static org.cloudworkspace.it.admin.AdminFixtures.names;
import static org.cloudworkspace.it.admin.AdminFixtures.num;
import static org.cloudworkspace.it.admin.AdminFixtures.upload;
import static org.cloudworkspace.it.admin.AdminFixtures.user;

import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.admin.AdminFixtures.User;
import org.junit.jupiter.api.Test;

/**
 * Deleting users: the preview names what would be lost; the deletion needs the username typed back and a choice for the
 * files, which are either transferred into "From <username>" of another user (quota checked) or removed; never oneself;
 * audited with before and after; a refusal changes nothing; the deleted user's sessions stop at once.
 */
class UserDeletionIT {

  /** A user with a folder holding two files (one with an earlier version), a file in the root, and a trash item. */
  private static User userWithFiles(String prefix) {
    User owner = user(prefix);
    ApiClient client = owner.signIn();
    String reports = folder(client, "root", "Reports");
    upload(client, reports, "q1.bin", bytes(1000, 1));
    upload(client, reports, "q2.bin", bytes(2000, 2));
    upload(client, reports, "q2.bin", bytes(2500, 3)); // the 2000 bytes become a version
    upload(client, "root", "notes.txt", bytes(300, 4));
    String doomed = upload(client, "root", "old.bin", bytes(700, 5));
    assertThat(client.delete("/api/files/" + doomed).status()).isEqualTo(204);
    return owner;
  }

  private static Reply delete(ApiClient admin, User target, String query) {
    return admin.delete("/api/admin/users/" + target.id() + "?" + query);
  }

  @Test
  void thePreviewNamesWhatWouldBeLost() {
    User owner = userWithFiles("delprev");
    Reply preview = admin().get("/api/admin/users/" + owner.id() + "/deletion");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    Map<String, Object> p = preview.json();
    assertThat(p).containsEntry("username", owner.username()).containsEntry("allowed", true);
    assertThat(num(p, "files")).isEqualTo(3);
    assertThat(num(p, "folders")).isEqualTo(1);
    assertThat(num(p, "fileBytes")).isEqualTo(1000 + 2500 + 300);
    assertThat(num(p, "versions")).isEqualTo(1);
    assertThat(num(p, "versionBytes")).isEqualTo(2000);
    assertThat(num(p, "trashItems")).isEqualTo(1);
    assertThat(num(p, "trashBytes")).isEqualTo(700);
    assertThat(num(p, "totalBytes")).isEqualTo(1000 + 2500 + 300 + 2000 + 700);

    // A user who never used files has nothing to lose.
    User empty = user("delnone");
    Map<String, Object> none = admin().get("/api/admin/users/" + empty.id() + "/deletion").json();
    assertThat(num(none, "files")).isZero();
    assertThat(num(none, "totalBytes")).isZero();
  }

  @Test
  void transferMovesFilesWithVersionsIntoAFolderOfTheRecipient() {
    User owner = userWithFiles("deltx");
    User recipient = user("delrcv");
    ApiClient recipientClient = recipient.signIn();
    // The name is taken already: the transfer gets a counter.
    folder(recipientClient, "root", "From " + owner.username());
    long usedBefore = num(admin().get("/api/admin/users/" + recipient.id()).json(), "usedBytes");
    ApiClient ownerSession = owner.signIn();

    ApiClient admin = admin();
    Reply deleted =
        delete(admin, owner, "confirm=" + owner.username() + "&files=transfer&transferTo=" + recipient.id());
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json())
        .containsEntry("username", owner.username())
        .containsEntry("disposition", "transfer")
        .containsEntry("recipient", recipient.username())
        .containsEntry("folder", "From " + owner.username() + " (2)");

    // The owner is gone, and so is the open session.
    assertThat(admin.get("/api/admin/users/" + owner.id()).status()).isEqualTo(404);
    assertThat(ownerSession.get("/api/me").status()).isEqualTo(401);
    assertThat(ownerSession.refresh().status()).isEqualTo(401);
    assertThat(new ApiClient().login(owner.username(), owner.password()).status()).isEqualTo(401);

    // The recipient has the files, with content and versions, and pays for them; not the trash.
    String moved = (String) child(recipientClient, "root", "From " + owner.username() + " (2)").get("id");
    assertThat(names(recipientClient, moved)).containsExactlyInAnyOrder("Reports", "notes.txt");
    String reports = (String) child(recipientClient, moved, "Reports").get("id");
    String q2 = (String) child(recipientClient, reports, "q2.bin").get("id");
    assertThat(recipientClient.getBytes("/api/files/" + q2 + "/content", Map.of()).body()).isEqualTo(bytes(2500, 3));
    Reply versions = recipientClient.get("/api/files/" + q2 + "/versions");
    assertThat(versions.jsonList()).hasSize(1);
    String versionId = (String) versions.jsonList().get(0).get("id");
    assertThat(recipientClient.getBytes("/api/files/" + q2 + "/versions/" + versionId + "/content", Map.of()).body())
        .isEqualTo(bytes(2000, 2));
    long usedAfter = num(admin.get("/api/admin/users/" + recipient.id()).json(), "usedBytes");
    assertThat(usedAfter - usedBefore).isEqualTo(1000 + 2500 + 300 + 2000);
    assertThat(recipientClient.get("/api/files/trash").jsonList()).isEmpty();

    assertThat(events(admin, "admin.user_delete", owner.username()))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.get("target")).isEqualTo(owner.username());
          assertThat((String) e.get("details"))
              .contains("user " + owner.username() + " (user, enabled")
              .contains("-> deleted")
              .contains("3 files, 1 folders, 3800 bytes, 1 versions (2000 bytes) transferred to " + recipient.username())
              .contains("trash removed: 1 items (700 bytes)");
        });
  }

  @Test
  void removeDeletesTheFilesWithTheAccount() {
    User owner = userWithFiles("delrm");
    ApiClient admin = admin();
    Reply deleted = delete(admin, owner, "confirm=" + owner.username().toUpperCase() + "&files=remove");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json()).containsEntry("disposition", "remove").containsEntry("recipient", null);
    assertThat(num(deleted.json(), "files")).isEqualTo(3);
    assertThat(admin.get("/api/admin/users/" + owner.id()).status()).isEqualTo(404);
    assertThat(num(admin.get("/api/admin/users?search=" + owner.username()).json(), "total")).isZero();
    assertThat(events(admin, "admin.user_delete", owner.username()))
        .singleElement()
        .satisfies(e -> assertThat((String) e.get("details")).contains("3 files, 1 folders, 3800 bytes").contains("removed"));
    // The username is free again, and the new account starts with nothing.
    User again = new User(ApiClient.createUser(owner.username(), owner.password(), "user"), owner.username(),
        owner.password());
    assertThat(names(again.signIn(), "root")).isEmpty();
  }

  @Test
  void aTransferThatDoesNotFitTheRecipientsQuotaChangesNothing() {
    User owner = userWithFiles("delfull");
    User recipient = user("delsmall");
    ApiClient admin = admin();
    assertThat(admin.put("/api/admin/users/" + recipient.id() + "/quota", Map.of("quotaBytes", 1000)).status())
        .isEqualTo(200);
    Reply refused =
        delete(admin, owner, "confirm=" + owner.username() + "&files=transfer&transferTo=" + recipient.id());
    assertThat(refused.status()).as(refused.body()).isEqualTo(507);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(refused.string("detail")).contains("recipient's");

    ApiClient ownerClient = owner.signIn();
    assertThat(names(ownerClient, "root")).containsExactlyInAnyOrder("Reports", "notes.txt");
    assertThat(names(recipient.signIn(), "root")).isEmpty();
    assertThat(events(admin, "admin.user_delete", owner.username())).isEmpty();
  }

  @Test
  void theConfirmationAndTheChoiceForTheFilesAreRequired() {
    User owner = user("delbad");
    ApiClient admin = admin();
    Reply missing = delete(admin, owner, "files=remove");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"confirm\"");
    assertThat(delete(admin, owner, "confirm=someone-else&files=remove").body()).contains("\"field\":\"confirm\"");
    assertThat(delete(admin, owner, "confirm=" + owner.username()).body()).contains("\"field\":\"files\"");
    Reply badMode = delete(admin, owner, "confirm=" + owner.username() + "&files=keep");
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.body()).contains("\"field\":\"files\"");
    assertThat(delete(admin, owner, "confirm=" + owner.username() + "&files=transfer").body())
        .contains("\"field\":\"transferTo\"");
    assertThat(delete(admin, owner, "confirm=" + owner.username() + "&files=transfer&transferTo=nobody").body())
        .contains("\"field\":\"transferTo\"");
    Reply toSelf = delete(admin, owner, "confirm=" + owner.username() + "&files=transfer&transferTo=" + owner.id());
    assertThat(toSelf.status()).isEqualTo(400);
    assertThat(toSelf.body()).contains("\"field\":\"transferTo\"");
    assertThat(admin.delete("/api/admin/users/00000000-0000-0000-0000-000000000000?confirm=x&files=remove").status())
        .isEqualTo(404);
    assertThat(admin.get("/api/admin/users/" + owner.id()).status()).isEqualTo(200);
  }

  @Test
  void anAdminCannotDeleteThemselves() {
    User self = user("delself", "admin");
    ApiClient client = self.signIn();
    Map<String, Object> preview = client.get("/api/admin/users/" + self.id() + "/deletion").json();
    assertThat(preview).containsEntry("allowed", false);
    assertThat((String) preview.get("refusal")).contains("your own account");
    Reply refused = delete(client, self, "confirm=" + self.username() + "&files=remove");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.string("title")).isEqualTo("Cannot delete yourself");
    assertThat(client.get("/api/me").status()).isEqualTo(200);

    // Another admin may delete this admin: the workspace keeps the others.
    assertThat(delete(admin(), self, "confirm=" + self.username() + "&files=remove").status()).isEqualTo(200);
  }

  @Test
  void onlyAdminsPreviewAndDelete() {
    User target = user("deltarget");
    User plain = user("delplain");
    ApiClient anonymous = new ApiClient();
    assertThat(anonymous.get("/api/admin/users/" + target.id() + "/deletion").status()).isEqualTo(401);
    assertThat(delete(anonymous, target, "confirm=" + target.username() + "&files=remove").status()).isEqualTo(401);
    ApiClient user = plain.signIn();
    assertThat(user.get("/api/admin/users/" + target.id() + "/deletion").status()).isEqualTo(403);
    assertThat(delete(user, target, "confirm=" + target.username() + "&files=remove").status()).isEqualTo(403);
    assertThat(admin().get("/api/admin/users/" + target.id()).status()).isEqualTo(200);
  }
}
