package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MimeTypesTest {

  @Test
  void aKnownExtensionDecidesWhateverTheClientSays() {
    assertThat(MimeTypes.of("application/x-www-form-urlencoded", FileName.of("notes.md"))).isEqualTo("text/markdown");
    assertThat(MimeTypes.of("application/octet-stream", FileName.of("report.PDF"))).isEqualTo("application/pdf");
    assertThat(MimeTypes.of("text/plain", FileName.of("photo.jpg"))).isEqualTo("image/jpeg");
    assertThat(MimeTypes.of(null, FileName.of("sheet.xlsx")))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  @Test
  void withoutAKnownExtensionTheClientsSpecificTypeCounts() {
    assertThat(MimeTypes.of("Application/X-Custom; charset=utf-8", FileName.of("data.bin")))
        .isEqualTo("application/x-custom");
    assertThat(MimeTypes.of("text/x-java-source", FileName.of("Main.java"))).isEqualTo("text/x-java-source");
  }

  @Test
  void typesThatSayNothingAboutTheBytesAndMalformedOnesFallBackToOctetStream() {
    assertThat(MimeTypes.of(null, FileName.of("noext"))).isEqualTo("application/octet-stream");
    assertThat(MimeTypes.of("application/x-www-form-urlencoded", FileName.of("noext")))
        .isEqualTo("application/octet-stream");
    assertThat(MimeTypes.of("multipart/form-data; boundary=x", FileName.of("blob")))
        .isEqualTo("application/octet-stream");
    assertThat(MimeTypes.of("text/html<script>", FileName.of("page"))).isEqualTo("application/octet-stream");
    assertThat(MimeTypes.of("", FileName.of("trailing."))).isEqualTo("application/octet-stream");
  }

  @Test
  void aRenameTakesTheNewExtensionsTypeOrKeepsTheOldOne() {
    assertThat(MimeTypes.afterRename("text/plain", "notes.md")).isEqualTo("text/markdown");
    assertThat(MimeTypes.afterRename("text/markdown", "notes")).isEqualTo("text/markdown");
    assertThat(MimeTypes.afterRename("application/x-custom", "data.unknown")).isEqualTo("application/x-custom");
  }
}
