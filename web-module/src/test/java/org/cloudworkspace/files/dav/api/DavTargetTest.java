package org.cloudworkspace.files.dav.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WebDAV addresses: decoded once, every segment a valid name, traversal in any spelling refused. */
class DavTargetTest {

  @Test
  void parsesUserAndNames() {
    DavTarget target = DavTarget.parse("/dav/files/alice/Docs/r%C3%A9sum%C3%A9%20v2.txt");
    assertThat(target.username()).isEqualTo("alice");
    assertThat(target.names()).containsExactly("Docs", "résumé v2.txt");
    assertThat(target.path()).isEqualTo("/Docs/résumé v2.txt");
    assertThat(target.parentNames()).containsExactly("Docs");
    assertThat(DavTarget.parse("/dav/files/alice/").isRoot()).isTrue();
    assertThat(DavTarget.parse("/dav/files/alice/a+b/").names()).containsExactly("a+b");
    assertThat(DavTarget.parse("/dav/files/")).isNull();
    assertThat(DavTarget.parse("/api/files")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "%2e%2e", "%2E", "%252e%252e", "a%2Fb", "a%5Cb", "a\\b", "a%00b", "a%0Ab",
      "%ZZ", "%C3", "%20lead", "x//y"})
  void badSegmentsAreRefused(String segment) {
    assertThatThrownBy(() -> DavTarget.parse("/dav/files/alice/" + segment + "/z"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void namesOver255BytesAreRefused() {
    assertThatThrownBy(() -> DavTarget.parse("/dav/files/alice/" + "%C3%A9".repeat(128)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(DavTarget.parse("/dav/files/alice/" + "x".repeat(255)).names()).hasSize(1);
  }

  @Test
  void encodesNamesForHrefs() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("a b", "é", "😀", "x#?&%+")) {
      DavTarget.encode(name, out);
      out.append('|');
    }
    assertThat(out).hasToString("a%20b|%C3%A9|%F0%9F%98%80|x%23%3F%26%25%2B|");
  }
}
