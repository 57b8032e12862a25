package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** The audit log: filters, paging, the CSV export and the retention purge. */
class AuditLogIT {

  private static ApiClient admin() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
  }

  @Test
  void filtersByUserTypeOutcomeAndTimeWithPaging() {
    String username = ApiClient.uniqueUsername("audit");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    Instant before = Instant.now().minusSeconds(1);
    ApiClient client = new ApiClient();
    client.login(username, "wrong-password-1");
    client.login(username, "wrong-password-2");
    client.signIn(username, password);
    ApiClient admin = admin();

    Reply failures = admin.get("/api/admin/audit-events?user=" + username + "&type=auth.sign_in&outcome=failure&size=1");
    assertThat(failures.status()).isEqualTo(200);
    assertThat(((Number) failures.json().get("total")).intValue()).isEqualTo(2);
    assertThat(failures.items()).hasSize(1);
    Reply secondPage =
        admin.get("/api/admin/audit-events?user=" + username + "&type=auth.sign_in&outcome=failure&size=1&page=1");
    assertThat(secondPage.items()).hasSize(1);
    assertThat(secondPage.items().get(0).get("id")).isNotEqualTo(failures.items().get(0).get("id"));

    Reply inRange = admin.get("/api/admin/audit-events?user=" + username + "&type=auth.sign_in&from=" + before);
    assertThat(((Number) inRange.json().get("total")).intValue()).isEqualTo(3);
    Reply beforeRange = admin.get("/api/admin/audit-events?user=" + username + "&type=auth.sign_in&to=" + before);
    assertThat(((Number) beforeRange.json().get("total")).intValue()).isZero();

    Reply bad = admin.get("/api/admin/audit-events?from=yesterday&outcome=maybe&type=DROP%20TABLE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"outcome\"").contains("\"field\":\"type\"");
    Reply badTime = admin.get("/api/admin/audit-events?from=yesterday");
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.body()).contains("\"field\":\"from\"");
  }

  @Test
  void exportsCsvWithFormulasNeutralised() {
    ApiClient attacker = new ApiClient();
    String evil = "=hyperlink(\"http://evil.example\",\"x\")" + System.nanoTime();
    attacker.login(evil, "whatever-password");
    ApiClient admin = admin();

    Reply csv = admin.get("/api/admin/audit-events.csv?type=auth.sign_in&outcome=failure&size=5");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition").orElseThrow()).contains("attachment").contains("audit-events.csv");
    assertThat(csv.body()).startsWith("id,occurredAt,type,outcome,actorId,actorName,target,address,details\r\n");
    String quoted = "\"'" + evil.replace("\"", "\"\"") + "\"";
    assertThat(csv.body()).contains(quoted).doesNotContain("," + evil);
    assertThat(csv.body().lines().skip(1)).allSatisfy(line -> assertThat(line).contains("auth.sign_in,failure"));

    assertThat(admin.get("/api/admin/audit-events.csv?to=not-a-time").status()).isEqualTo(400);
  }

  @Test
  void retentionPurgeRunsOnRequestAndIsAudited() {
    ApiClient admin = admin();
    Reply purge = admin.post("/api/admin/audit-events/purge", null);
    assertThat(purge.status()).isEqualTo(200);
    assertThat(((Number) purge.json().get("deleted")).intValue()).isZero();
    List<Map<String, Object>> events = admin.get("/api/admin/audit-events?type=audit.purge&size=5").items();
    assertThat(events).anySatisfy(e -> assertThat((String) e.get("details")).contains("older than 365 days"));
  }
}
