package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes in messages, such as how much of a quota is free. */
class BytesTest {

  @Test
  void formatsSizesAsPeopleReadThem() {
    assertThat(Bytes.format(0)).isEqualTo("0 bytes");
    assertThat(Bytes.format(1)).isEqualTo("1 byte");
    assertThat(Bytes.format(1023)).isEqualTo("1023 bytes");
    assertThat(Bytes.format(1536)).isEqualTo("1.5 KB");
    assertThat(Bytes.format(10L * 1024 * 1024 * 1024)).isEqualTo("10 GB");
    assertThat(Bytes.describe(1_572_864)).isEqualTo("1.5 MB (1,572,864 bytes)");
    assertThat(Bytes.describe(700)).isEqualTo("700 bytes");
  }
}
