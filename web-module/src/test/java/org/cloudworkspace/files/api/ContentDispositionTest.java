package org.cloudworkspace.files.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Content-Disposition with RFC 6266 / RFC 8187 encoding: an ASCII fallback and the exact UTF-8 name. */
class ContentDispositionTest {

  @Test
  void plainAsciiNamesAppearTwice() {
    assertThat(ContentDisposition.attachment("report.pdf"))
        .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  }

  @Test
  void nonAsciiNamesAreEncodedAndHaveAnAsciiFallback() {
    assertThat(ContentDisposition.attachment("Größe €.txt"))
        .isEqualTo("attachment; filename=\"Gr__e _.txt\"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%E2%82%AC.txt");
    assertThat(ContentDisposition.inline("日本.png")).startsWith("inline; filename=\"__.png\"; filename*=UTF-8''%E6%97%A5");
  }

  @Test
  void quotesBackslashesPercentAndSemicolonsCannotBreakTheHeader() {
    String value = ContentDisposition.attachment("a\"b\\c%d;e.txt");
    assertThat(value).isEqualTo("attachment; filename=\"a_b_c_d;e.txt\"; filename*=UTF-8''a%22b%5Cc%25d%3Be.txt");
  }

  @Test
  void emojiAreEncodedAsTheirUtf8Bytes() {
    assertThat(ContentDisposition.encode("🎉")).isEqualTo("%F0%9F%8E%89");
    assertThat(ContentDisposition.asciiFallback("🎉.png")).isEqualTo("_.png");
  }

  @Test
  void attrCharsStayAsTheyAre() {
    assertThat(ContentDisposition.encode("a-b_c.d~e!f#g$h&i+j^k`l|m")).isEqualTo("a-b_c.d~e!f#g$h&i+j^k`l|m");
  }

  @Test
  void aMissingNameBecomesDownload() {
    assertThat(ContentDisposition.attachment(null)).contains("filename=\"download\"");
  }
}
