package org.cloudworkspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Security headers, the SPA with its route fallback, health and the OpenAPI document. */
class WebShellIT {

  private static void assertSecurityHeaders(Reply reply) {
    String csp = reply.header("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self';").contains("frame-ancestors 'none'").contains("object-src 'none'")
        .contains("base-uri 'none'").doesNotContain("unsafe-eval");
    // Scripts only from our origin, never inline. Inline styles are allowed (and only them): the IDE's Monaco editor
    // and xterm.js insert <style> elements at run time.
    assertThat(csp.replace("style-src 'self' 'unsafe-inline';", "")).doesNotContain("unsafe-inline");
    assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(reply.header("Referrer-Policy")).isPresent();
    assertThat(reply.header("Server")).isEmpty();
  }

  @Test
  void apiAnswersCarrySecurityHeadersAndAreNotCached() {
    ApiClient client = new ApiClient();
    Reply ok = client.post("/api/auth/login", Map.of("username", "x", "password", "y"));
    assertSecurityHeaders(ok);
    assertThat(ok.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertSecurityHeaders(client.get("/api/me"));
  }

  @Test
  void theSpaIsServedAtTheRootAndClientRoutesFallBackToIt() {
    ApiClient client = new ApiClient();
    Reply root = client.get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(root.body()).contains("<div id=\"root\"").doesNotContain("<script>").doesNotContain("<style>");
    assertSecurityHeaders(root);

    for (String route : new String[] {"/login", "/profile", "/some/deep/client/route"}) {
      Reply page = client.get(route);
      assertThat(page.status()).as(route).isEqualTo(200);
      assertThat(page.body()).as(route).isEqualTo(root.body());
    }
    assertThat(client.get("/api/unknown").header("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    assertThat(client.get("/missing-file.js").status()).isEqualTo(404);
  }

  @Test
  void healthReportsDatabaseStorageAndLiveness() {
    ApiClient client = new ApiClient();
    Reply ready = client.get("/health/ready");
    assertThat(ready.body()).contains("\"name\":\"database\"").contains("\"name\":\"storage\"");
    assertThat(ready.body()).containsPattern("\"name\":\"database\",\"status\":\"UP\"");
    assertThat(ready.body()).containsPattern("\"name\":\"storage\",\"status\":\"UP\"");
    assertThat(client.get("/health/live").status()).isEqualTo(200);
  }

  @Test
  void openApiDescribesTheApiAndHasItsUi() {
    ApiClient client = new ApiClient();
    Reply doc = client.get("/openapi");
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body()).contains("/api/auth/login").contains("/api/auth/refresh").contains("/api/me/password")
        .contains("/api/admin/users");
    assertThat(client.get("/openapi/ui/").status()).isEqualTo(200);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationInTheOpenApiDocumentSaysWhatItAnswersOnSuccess() {
    Map<String, Object> doc = new ApiClient().get("/openapi?format=JSON").json();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    List<String> withoutSuccess = new ArrayList<>();
    paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
      if (operation instanceof Map<?, ?> op && op.get("responses") instanceof Map<?, ?> responses
          && responses.keySet().stream().map(String::valueOf).noneMatch(code -> code.matches("[23]\\d\\d|default"))) {
        withoutSuccess.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }));
    assertThat(paths).containsKey("/api/files/{id}/thumbnail");
    // Liberty warns at every start-up about operations that only list their errors (CWWKO1651W).
    assertThat(withoutSuccess).isEmpty();
  }
}
