package org.cloudworkspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Every error is RFC 9457 problem details, with field errors for validation, and never a stack trace. */
class ProblemDetailsIT {

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    Map<String, Object> body = reply.json();
    assertThat(body).containsKeys("type", "title", "status", "detail");
    assertThat(((Number) body.get("status")).intValue()).isEqualTo(status);
    assertThat(body.get("type").toString()).startsWith("https://");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.cloudworkspace");
  }

  @Test
  void validationErrorsListTheFields() {
    Reply reply = new ApiClient().post("/api/auth/login", Map.of("username", ""));
    assertProblem(reply, 400);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.json().get("errors");
    assertThat(errors).extracting(e -> e.get("field")).contains("username", "password");
    assertThat(errors).allSatisfy(e -> assertThat(e.get("message").toString()).isNotBlank());
  }

  @Test
  void malformedJsonEmptyBodyAndWrongMediaType() {
    ApiClient client = new ApiClient();
    assertProblem(client.postRaw("/api/auth/login", "application/json", "{\"username\": "), 400);
    assertProblem(client.postRaw("/api/auth/login", "application/json", ""), 400);
    assertProblem(client.postRaw("/api/auth/login", "application/json", "[1,2,3]"), 400);
    assertProblem(client.postRaw("/api/auth/login", "text/plain", "username=admin"), 415);
  }

  @Test
  void unknownPathsAndMethods() {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    assertProblem(admin.get("/api/no-such-thing"), 404);
    assertProblem(admin.method("DELETE", "/api/me"), 405);
    assertProblem(admin.post("/api/admin/users/00000000-0000-0000-0000-000000000000/disable", null), 404);
  }

  @Test
  void queryParametersAreValidated() {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply reply = admin.get("/api/admin/audit-events?size=100000");
    assertProblem(reply, 400);
    assertThat(reply.body()).contains("\"field\":\"size\"");
    assertProblem(admin.get("/api/admin/users?page=-1"), 400);
  }

  @Test
  void conflictsAreProblemsToo() {
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    String username = ApiClient.uniqueUsername("dup");
    ApiClient.createUser(username, ApiClient.strongPassword(), "user");
    Reply again = admin.post("/api/admin/users", Map.of("username", username, "password", ApiClient.strongPassword()));
    assertProblem(again, 409);
    assertThat(again.string("detail")).contains(username);
  }
}
