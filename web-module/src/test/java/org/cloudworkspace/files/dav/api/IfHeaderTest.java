package org.cloudworkspace.files.dav.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudworkspace.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The If header of RFC 4918 §10.4: parsing, evaluation, and the lock tokens it submits. */
class IfHeaderTest {

  private static final String TOKEN = "urn:uuid:3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f";

  /** A resource with entity tag "e1" locked by TOKEN; tagged resources "/other" have no lock and no tag. */
  private static final IfHeader.Resources RESOURCES =
      new IfHeader.Resources() {
        @Override
        public String etag(String resource) {
          return resource == null ? "\"e1\"" : null;
        }

        @Override
        public boolean lockedBy(String resource, String token) {
          return resource == null && TOKEN.equals(token);
        }
      };

  private static boolean holds(String header) {
    return IfHeader.parse(header).holds(RESOURCES);
  }

  @Test
  void tokensAndEntityTagsAreAndedWithinAListAndOredAcrossLists() {
    assertThat(holds("(<" + TOKEN + ">)")).isTrue();
    assertThat(holds("(<" + TOKEN + "> [\"e1\"])")).isTrue();
    assertThat(holds("(<" + TOKEN + "> [\"e2\"])")).isFalse();
    assertThat(holds("(<DAV:no-lock> [\"e1\"])")).isFalse();
    assertThat(holds("(<" + TOKEN + "x>) (Not <DAV:no-lock>)")).isTrue();
    assertThat(holds("(<DAV:no-lock>)")).isFalse();
    assertThat(holds("(Not <DAV:no-lock> [W/\"e1\"])")).isTrue();
    assertThat(holds("</other> (<" + TOKEN + ">)")).isFalse();
  }

  @Test
  void submittedTokensAreTheNonNegatedOnes() {
    IfHeader header = IfHeader.parse("<http://h/dav/files/a/x> (<" + TOKEN + "> [\"e\"]) (Not <urn:uuid:other>)");
    assertThat(header.submittedTokens()).containsExactly(TOKEN);
    assertThat(header.lists()).hasSize(2);
    assertThat(header.lists().get(0).resource()).isEqualTo("http://h/dav/files/a/x");
  }

  @Test
  void anAbsentHeaderIsNull() {
    assertThat(IfHeader.parse(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "(", "()", "(<a>", "([e", "<x>", "(<a>) <x>", "(Maybe <a>)"})
  void malformedHeadersAreRefused(String header) {
    assertThatThrownBy(() -> IfHeader.parse(header)).isInstanceOf(InvalidInputException.class);
  }
}
