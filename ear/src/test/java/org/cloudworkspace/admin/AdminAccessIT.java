package org.cloudworkspace.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Test;

/** Every admin endpoint: 401 without a token, 403 (and audited) with a user's token, problem details both times. */
class AdminAccessIT {

  record Endpoint(String method, String path) {}

  static List<Endpoint> endpoints() {
    String id = UUID.randomUUID().toString();
    return List.of(
        new Endpoint("GET", "/api/admin/users"),
        new Endpoint("POST", "/api/admin/users"),
        new Endpoint("GET", "/api/admin/users/" + id),
        new Endpoint("PATCH", "/api/admin/users/" + id),
        new Endpoint("POST", "/api/admin/users/" + id + "/disable"),
        new Endpoint("POST", "/api/admin/users/" + id + "/enable"),
        new Endpoint("POST", "/api/admin/users/" + id + "/password"),
        new Endpoint("GET", "/api/admin/users/" + id + "/sessions"),
        new Endpoint("DELETE", "/api/admin/users/" + id + "/sessions"),
        new Endpoint("DELETE", "/api/admin/users/" + id + "/sessions/" + id),
        new Endpoint("DELETE", "/api/admin/users/" + id + "/2fa"),
        new Endpoint("GET", "/api/admin/audit-events"),
        new Endpoint("GET", "/api/admin/audit-events.csv"),
        new Endpoint("POST", "/api/admin/audit-events/purge"),
        new Endpoint("GET", "/api/admin/settings"),
        new Endpoint("PATCH", "/api/admin/settings"),
        new Endpoint("GET", "/api/admin/status"),
        new Endpoint("GET", "/api/admin/sessions"),
        new Endpoint("GET", "/api/admin/users/" + id + "/deletion"),
        new Endpoint("DELETE", "/api/admin/users/" + id + "?confirm=x&files=remove"));
  }

  private static Reply call(ApiClient client, Endpoint endpoint) {
    return switch (endpoint.method()) {
      case "GET" -> client.get(endpoint.path());
      case "POST" -> client.post(endpoint.path(), Map.of());
      case "PATCH" -> client.patch(endpoint.path(), Map.of());
      default -> client.delete(endpoint.path());
    };
  }

  @Test
  void withoutATokenEveryAdminEndpointAnswers401() {
    ApiClient anonymous = new ApiClient();
    for (Endpoint endpoint : endpoints()) {
      Reply reply = call(anonymous, endpoint);
      assertThat(reply.status()).as(endpoint.toString()).isEqualTo(401);
      assertThat(reply.header("Content-Type")).as(endpoint.toString()).contains("application/problem+json");
    }
  }

  @Test
  void withAUserTokenEveryAdminEndpointAnswers403AndTheRefusalIsAudited() {
    String username = ApiClient.uniqueUsername("notadmin");
    String password = ApiClient.strongPassword();
    String id = ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);
    for (Endpoint endpoint : endpoints()) {
      Reply reply = call(user, endpoint);
      assertThat(reply.status()).as(endpoint.toString()).isEqualTo(403);
      assertThat(reply.json()).as(endpoint.toString()).containsKeys("type", "title", "detail");
    }
    ApiClient admin = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword());
    Reply denied = admin.get("/api/admin/audit-events?type=security.access_denied&actorId=" + id + "&size=100");
    assertThat(denied.status()).isEqualTo(200);
    assertThat(((Number) denied.json().get("total")).intValue()).isEqualTo(endpoints().size());
    assertThat(denied.items())
        .anySatisfy(e -> {
          assertThat(e.get("target")).isEqualTo("GET /api/admin/settings");
          assertThat(e.get("outcome")).isEqualTo("failure");
          assertThat(e.get("address")).isEqualTo(user.address());
        });
  }
}
