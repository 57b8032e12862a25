package org.cloudworkspace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on into InventoryPro against the stand-in, which redeems tickets with real signed requests: the full
 * hand-off, replay, expiry (tickets live 3 s in the test servers), tampered and stale signatures, wrong service,
 * unknown tickets, 401 on each endpoint, and the audit trail.
 */
class InventoryProSsoIT {

  private static InventoryProStandIn standIn;
  private static String username;
  private static String password;
  private static String userId;

  @BeforeAll
  static void standInAndUser() {
    standIn = InventoryProStandIn.shared();
    username = ApiClient.uniqueUsername("inv");
    password = ApiClient.strongPassword();
    userId = ApiClient.createUser(username, password, "user");
  }

  private static String issueTicket() {
    Reply reply = new ApiClient().signIn(username, password).post("/api/integrations/inventorypro/sso", null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String redirect = reply.string("redirectUrl");
    return InventoryProStandIn.query(URI.create(redirect).getRawQuery()).get("ticket");
  }

  @Test
  void fullHandOffFromTheWorkspaceToInventoryProsLoginPage() throws Exception {
    Reply reply = new ApiClient().signIn(username, password).post("/api/integrations/inventorypro/sso", null);
    assertThat(reply.status()).isEqualTo(200);
    URI redirect = URI.create(reply.string("redirectUrl"));
    assertThat(redirect.toString()).startsWith(standIn.url() + "/sso/login?ticket=ST-");
    Map<String, String> query = InventoryProStandIn.query(redirect.getRawQuery());
    assertThat(query.get("ticket")).matches("ST-[A-Za-z0-9_-]{43}");
    assertThat(query.get("service")).isEqualTo(standIn.url());

    // The browser follows the redirect; the stand-in redeems the ticket server to server and greets the user.
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(redirect).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Signed in as " + username);

    // The same ticket again (a replayed redirect) is refused.
    HttpResponse<String> again = standIn.redeem(query.get("ticket"), standIn.url());
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
  }

  @Test
  void redemptionAnswersTheUsersIdentityAndRoles() {
    HttpResponse<String> answer = standIn.redeem(issueTicket(), standIn.url());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, Object> user = new Reply(200, Map.of(), answer.body()).json();
    assertThat(user).containsEntry("id", userId).containsEntry("username", username)
        .containsEntry("email", username + "@example.org").containsEntry("displayName", "User " + username)
        .containsEntry("roles", List.of("user"));
  }

  @Test
  void aTicketWorksOnceEvenWhenRedeemedTwice() {
    String ticket = issueTicket();
    assertThat(standIn.redeem(ticket, standIn.url()).statusCode()).isEqualTo(200);
    HttpResponse<String> second = standIn.redeem(ticket, standIn.url());
    assertThat(second.statusCode()).isEqualTo(410);
    assertThat(second.body()).contains("Ticket already used");
  }

  @Test
  void anExpiredTicketIsRefusedAndStaysRefused() throws InterruptedException {
    String ticket = issueTicket();
    Thread.sleep(4_000); // the test servers' INVENTORY_PRO_TICKET_SECONDS is 3
    HttpResponse<String> late = standIn.redeem(ticket, standIn.url());
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(late.body()).contains("Ticket expired");
    assertThat(standIn.redeem(ticket, standIn.url()).statusCode()).isEqualTo(410);
  }

  @Test
  void aWrongServiceIsRefusedAndUsesTheTicketUp() {
    String ticket = issueTicket();
    HttpResponse<String> wrong = standIn.redeem(ticket, "http://evil.example.org");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("Wrong service");
    assertThat(standIn.redeem(ticket, standIn.url()).statusCode()).as("no second try").isEqualTo(410);
  }

  @Test
  void aBadSignatureIsRefusedWithoutConsumingTheTicket() {
    String ticket = issueTicket();
    String body = InventoryProStandIn.redemptionBody(ticket, standIn.url());
    long now = System.currentTimeMillis() / 1000;
    String good = standIn.sign("POST", InventoryProStandIn.REDEEM_PATH, now,
        InventoryProStandIn.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    String tampered = (good.charAt(0) == 'a' ? "b" : "a") + good.substring(1);

    HttpResponse<String> refused = standIn.redeemSigned(body, now, tampered);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("not correctly signed");
    // A body changed after signing, a stale timestamp, no signature at all: all 401.
    assertThat(standIn.redeemSigned(body.replace("}", " }"), now, good).statusCode()).isEqualTo(401);
    long stale = now - 120;
    String staleSignature = standIn.sign("POST", InventoryProStandIn.REDEEM_PATH, stale,
        InventoryProStandIn.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(standIn.redeemSigned(body, stale, staleSignature).statusCode()).isEqualTo(401);
    Reply unsigned = new ApiClient().postRaw(InventoryProStandIn.REDEEM_PATH, "application/json", body);
    assertThat(unsigned.status()).isEqualTo(401);

    // None of these consumed the ticket: InventoryPro's correctly signed redemption still works.
    assertThat(standIn.redeemSigned(body, now, good).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownAndMalformedTicketsAreRefused() {
    assertThat(standIn.redeem("ST-" + "A".repeat(43), standIn.url()).statusCode()).isEqualTo(404);
    assertThat(standIn.redeem("not-a-ticket", standIn.url()).statusCode()).isEqualTo(404);
    assertThat(standIn.redeemSigned("{\"ticket\":", System.currentTimeMillis() / 1000, null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void startingSsoNeedsASignedInUser() {
    Reply anonymous = new ApiClient().post("/api/integrations/inventorypro/sso", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    ApiClient forged = new ApiClient();
    forged.accessToken("not.a.token");
    assertThat(forged.post("/api/integrations/inventorypro/sso", null).status()).isEqualTo(401);
  }

  @Test
  void aDisabledAccountsTicketIsRefusedWith403() {
    String name = ApiClient.uniqueUsername("invoff");
    String pw = ApiClient.strongPassword();
    String id = ApiClient.createUser(name, pw, "user");
    Reply sso = new ApiClient().signIn(name, pw).post("/api/integrations/inventorypro/sso", null);
    String ticket = InventoryProStandIn.query(URI.create(sso.string("redirectUrl")).getRawQuery()).get("ticket");
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertThat(admin.post("/api/admin/users/" + id + "/disable", null).status()).isIn(200, 204);
    assertThat(standIn.redeem(ticket, standIn.url()).statusCode()).isEqualTo(403);
  }

  @Test
  void everyIssueAndRedemptionIsAudited() {
    String ticket = issueTicket();
    standIn.redeem(ticket, standIn.url());
    standIn.redeem(ticket, standIn.url());
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    List<Map<String, Object>> issued =
        admin.get("/api/admin/audit-events?type=inventorypro.ticket_issue&actorId=" + userId).items();
    assertThat(issued).isNotEmpty();
    assertThat(issued.get(0)).containsEntry("outcome", "success");
    List<Map<String, Object>> redeemed =
        admin.get("/api/admin/audit-events?type=inventorypro.ticket_redeem&actorId=" + userId).items();
    assertThat(redeemed).extracting(e -> e.get("outcome")).contains("success", "failure");
    assertThat(redeemed.toString()).doesNotContain(ticket).contains("refused: already_used");
  }
}
