package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad names and traversal over WebDAV, sent byte for byte: every one is a 400 with a readable problem, and nothing in
 * the user's storage changes.
 */
class WebDavBadInputIT {

  private static final List<String> BAD_SEGMENTS =
      List.of("..", ".", "%2e%2e", "%2E%2E", "%2e", "%252e%252e", "%25252e%25252e", "..%2f..%2fetc", "..%252f..%252fetc",
          "a%2Fb", "a%5Cb", "..%5C..%5Cwindows", "%5C", "..%255c", "a%00b", "a%0Ab", "a%1Fb", "a%7Fb",
          "x".repeat(256), "%C3%A9".repeat(128), "%ZZ", "%C3");

  /**
   * Refused by Liberty itself (its own 400 page) before the application sees the request: encoded control
   * characters and malformed percent-encodings. Everything else is answered by the application with a problem.
   */
  private static final java.util.Set<String> CONTAINER_REFUSED =
      java.util.Set.of("a%00b", "a%0Ab", "a%1Fb", "a%7Fb", "%ZZ", "%C3");

  @Test
  void badNamesAndTraversalAreRefusedAndNothingIsTouched() {
    FilesUser user = FilesUser.create();
    DavClient dav = DavClient.forUser(user);
    dav.put("existing.txt", "keep");
    String auth = "Authorization: " + dav.authorization() + "\r\n";
    for (String segment : BAD_SEGMENTS) {
      for (String method : List.of("PUT", "MKCOL", "DELETE", "PROPFIND", "GET")) {
        String path = dav.path(segment) + ("MKCOL".equals(method) ? "/" : "");
        RawHttp.Answer answer = RawHttp.send(method, path, null, auth + "Depth: 0\r\n",
            "PUT".equals(method) ? "evil".getBytes(StandardCharsets.UTF_8) : null);
        assertThat(answer.status()).as("%s %s: %s", method, segment, answer.text()).isEqualTo(400);
        if (!CONTAINER_REFUSED.contains(segment)) {
          assertThat(answer.text()).as("%s %s", method, segment).contains("application/problem+json");
        }
      }
    }
    RawHttp.Answer backslash = RawHttp.send("PUT", dav.path("..\\..\\evil.txt"), null, auth, "x".getBytes());
    assertThat(backslash.status()).isEqualTo(400);
    RawHttp.Answer nested = RawHttp.send("PUT", dav.path("a/../../evil.txt"), null, auth, "x".getBytes());
    assertThat(nested.status()).isEqualTo(400);
    RawHttp.Answer readable = RawHttp.send("PUT", dav.path("%252e%252e"), null, auth, "x".getBytes());
    assertThat(readable.text()).contains("cannot be an encoded");
    RawHttp.Answer dots = RawHttp.send("PUT", dav.path(".."), null, auth, "x".getBytes());
    assertThat(dots.text()).contains("'.' or '..'");

    for (String segment : List.of("..", "%2e%2e", "%252e%252e", "a%2Fb", "..%5C..", "a%00b")) {
      assertThat(dav.send("MOVE", "existing.txt", Map.of("Destination", dav.url(segment)), null).status())
          .as("MOVE to %s", segment).isEqualTo(400);
      assertThat(dav.send("COPY", "existing.txt", Map.of("Destination", dav.url(segment)), null).status())
          .as("COPY to %s", segment).isEqualTo(400);
    }
    assertThat(dav.send("MOVE", "existing.txt", Map.of("Destination", "/elsewhere/x"), null).status()).isEqualTo(400);

    assertThat(user.names("root")).containsExactly("existing.txt");
    assertThat(dav.get("existing.txt").body()).isEqualTo("keep");
    assertThat(user.usedBytes()).isEqualTo(4);
  }

  @Test
  void unicodeNamesRoundTrip() {
    DavClient dav = DavClient.forNewUser();
    String encoded = "r%C3%A9sum%C3%A9%20%F0%9F%98%80%20%2B%3F%26%25.txt";
    assertThat(dav.send("PUT", encoded, Map.of(), "cv").status()).isEqualTo(201);
    Multistatus ms = Multistatus.parse(dav.propfind("", "1", null).body());
    assertThat(ms.found().keySet()).contains(dav.path(encoded));
    assertThat(dav.get(encoded).body()).isEqualTo("cv");
  }
}
