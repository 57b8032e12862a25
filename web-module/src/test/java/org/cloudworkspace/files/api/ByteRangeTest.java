package org.cloudworkspace.files.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Range headers (RFC 9110 §14): single ranges served, the rest ignored or refused as the RFC says. */
class ByteRangeTest {

  private static ByteRange part(String header, long size) {
    ByteRange.Request request = ByteRange.parse(header, size);
    assertThat(request).isInstanceOf(ByteRange.Part.class);
    return ((ByteRange.Part) request).range();
  }

  @Test
  void closedOpenAndSuffixRanges() {
    assertThat(part("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 9));
    assertThat(part("bytes=10-", 100)).isEqualTo(new ByteRange(10, 99));
    assertThat(part("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
    assertThat(part("bytes=-1000", 100)).isEqualTo(new ByteRange(0, 99));
    assertThat(part("bytes=50-1000", 100)).isEqualTo(new ByteRange(50, 99));
    assertThat(part(" Bytes = 5 - 5 ", 100)).isEqualTo(new ByteRange(5, 5));
    assertThat(part("bytes=0-99999999999999999999999", 100)).isEqualTo(new ByteRange(0, 99));
  }

  @Test
  void lengthsAndContentRanges() {
    ByteRange range = part("bytes=10-19", 100);
    assertThat(range.length()).isEqualTo(10);
    assertThat(range.contentRange(100)).isEqualTo("bytes 10-19/100");
    assertThat(ByteRange.unsatisfiedRange(100)).isEqualTo("bytes */100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999-"})
  void rangesOutsideTheContentAreUnsatisfiable(String header) {
    assertThat(ByteRange.parse(header, 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void anyRangeOfEmptyContentIsUnsatisfiable() {
    assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.parse("bytes=-5", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "bytes", "bytes=", "bytes=-", "items=0-5", "bytes=5-2", "bytes=a-b", "bytes=0-5,10-20", "bytes=0x10-20",
        "bytes=1.5-3"
      })
  void malformedMultipleOrOtherUnitsAreIgnored(String header) {
    assertThat(ByteRange.parse(header, 100)).isInstanceOf(ByteRange.Whole.class);
  }

  @Test
  void noHeaderMeansEverything() {
    assertThat(ByteRange.parse(null, 100)).isInstanceOf(ByteRange.Whole.class);
  }
}
