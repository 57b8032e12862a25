package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Mail accounts: added only after a successful test, failures told apart, passwords never returned, encrypted. */
class MailAccountsIT {

  private static ApiClient user() {
    String name = ApiClient.uniqueUsername("mail");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(name, password, "user");
    return new ApiClient().signIn(name, password);
  }

  @Test
  void addsAnAccountAndNeverReturnsItsPassword() {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("ada");
    ApiClient.Reply created = client.post("/api/mail/accounts", MailServers.accountBody(box, box.password()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.string("id")).isNotBlank();
    assertThat(created.header("Location")).isPresent();
    assertThat(created.body()).doesNotContain(box.password()).doesNotContain("password");
    ApiClient.Reply list = client.get("/api/mail/accounts");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.jsonList()).hasSize(1);
    assertThat(list.body()).contains(box.email()).doesNotContain(box.password()).doesNotContain("password");

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    ApiClient.Reply audit = admin.get("/api/admin/audit-events?type=mail.account_create&size=50");
    assertThat(audit.body()).contains(box.email()).doesNotContain(box.password());
  }

  @Test
  void testConnectionTellsApartWrongPasswordUnreachableTlsAndInternalAddresses() throws Exception {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("bob");

    ApiClient.Reply wrong = client.post("/api/mail/accounts", MailServers.accountBody(box, "not-the-password"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.string("type")).endsWith("mail-sign-in-failed");
    assertThat(wrong.body()).doesNotContain("not-the-password");

    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    Map<String, Object> unreachable = MailServers.accountBody(box, box.password());
    unreachable.put("imap", Map.of("host", "127.0.0.1", "port", closed, "security", "none", "username", box.email(),
        "password", box.password()));
    ApiClient.Reply down = client.post("/api/mail/accounts/test", unreachable);
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.string("type")).endsWith("mail-server-unreachable");

    Map<String, Object> tls = MailServers.accountBody(box, box.password());
    tls.put("imap", Map.of("host", "127.0.0.1", "port", MailServers.imapPort(), "security", "tls", "username",
        box.email(), "password", box.password()));
    ApiClient.Reply tlsFailure = client.post("/api/mail/accounts", tls);
    assertThat(tlsFailure.status()).isEqualTo(503);
    assertThat(tlsFailure.string("type")).endsWith("mail-tls-failure");

    Map<String, Object> internal = MailServers.accountBody(box, box.password());
    internal.put("imap", Map.of("host", "127.0.0.2", "port", MailServers.imapPort(), "security", "none",
        "username", box.email(), "password", box.password()));
    ApiClient.Reply refused = client.post("/api/mail/accounts", internal);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.string("type")).endsWith("mail-server-address-refused");

    assertThat(client.get("/api/mail/accounts").jsonList()).isEmpty();
    assertThat(client.post("/api/mail/accounts/test", MailServers.accountBody(box, box.password())).status())
        .isEqualTo(200);
    assertThat(client.get("/api/mail/accounts").jsonList()).isEmpty();
  }

  @Test
  void invalidFieldsAndDisallowedSecurityAreRefused() {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("carol");
    Map<String, Object> body = MailServers.accountBody(box, box.password());
    body.put("email", "not an address");
    body.put("imap", Map.of("host", "bad host!", "port", 0, "security", "plain", "username", box.email(),
        "password", box.password()));
    ApiClient.Reply invalid = client.post("/api/mail/accounts", body);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("email").contains("imap.host").contains("imap.port").contains("imap.security");

    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.patch("/api/admin/settings", Map.of("mail.allowedSecurityModes", List.of("ssl", "starttls")))
        .status()).isEqualTo(200);
    try {
      ApiClient.Reply none = client.post("/api/mail/accounts", MailServers.accountBody(box, box.password()));
      assertThat(none.status()).isEqualTo(400);
      assertThat(none.body()).contains("imap.security").contains("does not allow none");
    } finally {
      admin.send(admin.http11("/api/admin/settings").header("Content-Type", "application/json")
          .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"mail.allowedSecurityModes\":null}")));
    }
  }

  @Test
  void accountsAreTheOwnersOnly() {
    ApiClient owner = user();
    long id = MailServers.addAccount(owner, MailServers.newMailbox("dora"));
    ApiClient other = user();
    assertThat(other.get("/api/mail/accounts/" + id).status()).isEqualTo(403);
    assertThat(other.get("/api/mail/accounts/" + id + "/folders").status()).isEqualTo(403);
    assertThat(other.delete("/api/mail/accounts/" + id).status()).isEqualTo(403);
    assertThat(new ApiClient().get("/api/mail/accounts").status()).isEqualTo(401);
    assertThat(new ApiClient().get("/api/mail/accounts/" + id + "/messages?folder=INBOX&page=0").status())
        .isEqualTo(401);
    assertThat(owner.get("/api/mail/accounts/999999999").status()).isEqualTo(404);
    assertThat(owner.delete("/api/mail/accounts/" + id).status()).isEqualTo(204);
    assertThat(owner.get("/api/mail/accounts").jsonList()).isEmpty();
  }

  @Test
  void updateKeepsThePasswordOnlyForTheSameServer() {
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("erin");
    long id = MailServers.addAccount(client, box);
    Map<String, Object> rename = MailServers.accountBody(box, null);
    rename.put("displayName", "Erin Renamed");
    ApiClient.Reply renamed = client.put("/api/mail/accounts/" + id, rename);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.string("displayName")).isEqualTo("Erin Renamed");

    Map<String, Object> moved = MailServers.accountBody(box, null);
    moved.put("imap", Map.of("host", "localhost", "port", MailServers.imapPort(), "security", "none", "username",
        box.email()));
    ApiClient.Reply refused = client.put("/api/mail/accounts/" + id, moved);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("imap.password");
  }

  /** Reads the stored ciphertext from the database (PostgreSQL pass; the H2 file is locked by the server). */
  @Test
  void passwordsAreEncryptedAtRestAndReencryptedOnKeyRotation() throws Exception {
    Assumptions.assumeTrue("postgres".equals(TestServers.database()), "reads the database in the PostgreSQL pass");
    ApiClient client = user();
    MailServers.Mailbox box = MailServers.newMailbox("fay");
    long id = MailServers.addAccount(client, box);
    String currentKey = TestServers.secret("MAIL_CREDENTIALS_KEY");
    String previousKey = "it-previous-mail-credentials-key-0123456789";
    try (Connection db = DriverManager.getConnection(System.getProperty("it.postgres.url"),
        System.getProperty("it.postgres.user"), System.getProperty("it.postgres.password"))) {
      String stored = column(db, id);
      assertThat(stored).startsWith("v1:").doesNotContain(box.password());
      assertThat(decrypt(stored, currentKey)).isEqualTo(box.password());
      String again = client.put("/api/mail/accounts/" + id, MailServers.accountBody(box, box.password())).body();
      assertThat(again).doesNotContain(box.password());
      assertThat(column(db, id)).isNotEqualTo(stored);

      try (PreparedStatement update = db.prepareStatement("UPDATE mail_account SET imap_password = ? WHERE id = ?")) {
        update.setString(1, encrypt(box.password(), previousKey));
        update.setLong(2, id);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      assertThat(client.get("/api/mail/accounts/" + id + "/folders").status()).isEqualTo(200);
      ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
      assertThat(client.post("/api/admin/mail/reencrypt-credentials", null).status()).isEqualTo(403);
      ApiClient.Reply rotated = admin.post("/api/admin/mail/reencrypt-credentials", null);
      assertThat(rotated.status()).isEqualTo(200);
      assertThat(((Number) rotated.json().get("reencrypted")).intValue()).isGreaterThanOrEqualTo(1);
      String rekeyed = column(db, id);
      assertThat(decrypt(rekeyed, currentKey)).isEqualTo(box.password());
      assertThat(client.get("/api/mail/accounts/" + id + "/folders").status()).isEqualTo(200);
    }
  }

  private static String column(Connection db, long id) throws Exception {
    try (PreparedStatement q = db.prepareStatement("SELECT imap_password FROM mail_account WHERE id = ?")) {
      q.setLong(1, id);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static SecretKeySpec key(String secret) throws Exception {
    return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)),
        "AES");
  }

  static String decrypt(String sealed, String secret) throws Exception {
    byte[] all = Base64.getDecoder().decode(sealed.substring(3));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key(secret), new GCMParameterSpec(128, all, 0, 12));
    cipher.updateAAD("mail.imap-password".getBytes(StandardCharsets.UTF_8));
    return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
  }

  static String encrypt(String plain, String secret) throws Exception {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key(secret), new GCMParameterSpec(128, nonce));
    cipher.updateAAD("mail.imap-password".getBytes(StandardCharsets.UTF_8));
    byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
    return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed)
        .array());
  }
}
