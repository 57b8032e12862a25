package org.cloudworkspace.files.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** If-Match / If-None-Match / If-Range comparisons. */
class EntityTagsTest {

  @Test
  void parsesLists() {
    assertThat(EntityTags.parse(null)).isNull();
    assertThat(EntityTags.parse("\"a\", \"b\" ,*")).containsExactly("\"a\"", "\"b\"", "*");
  }

  @Test
  void ifNoneMatchComparesWeakly() {
    assertThat(EntityTags.anyMatchesWeakly("\"x\"", "\"abc\"")).isFalse();
    assertThat(EntityTags.anyMatchesWeakly("\"x\", W/\"abc\"", "\"abc\"")).isTrue();
    assertThat(EntityTags.anyMatchesWeakly("*", "\"abc\"")).isTrue();
    assertThat(EntityTags.anyMatchesWeakly(null, "\"abc\"")).isFalse();
  }

  @Test
  void ifRangeComparesStrongly() {
    assertThat(EntityTags.matchesStrongly("\"abc\"", "\"abc\"")).isTrue();
    assertThat(EntityTags.matchesStrongly("W/\"abc\"", "\"abc\"")).isFalse();
    assertThat(EntityTags.matchesStrongly("Wed, 21 Oct 2015 07:28:00 GMT", "\"abc\"")).isFalse();
  }
}
