package org.cloudworkspace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudworkspace.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** File and folder names: what is refused, with which message, and how conflicts are numbered. */
class FileNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "report.pdf", "Ünïcödé ✓.txt", "日本語のファイル", "emoji 🎉.png", ".bashrc", "a b  c", "100% sure.txt",
        "a%20b", "..hidden", "x..y", "...", "name.", "(1)", "#1 ~ $HOME & more"
      })
  void acceptsOrdinaryNames(String name) {
    assertThat(FileName.of(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", ".", "..", "a/b", "/", "a\\b", "\\", "a\u0000b", "line\nbreak", "tab\tbed", "bell\u0007", "del\u007f",
        " leading", "trailing ", "\u00a0nbsp", "%2e%2e", "%2E%2E", "%2e", "%252e%252e", "%25252e%25252e", "a%2Fb",
        "a%2fb", "a%5Cb", "%00", "..%2f..%2fetc"
      })
  void refusesTraversalSeparatorsControlsAndSurroundingSpaces(String name) {
    assertThatThrownBy(() -> FileName.of(name))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("name");
              assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
            });
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> FileName.of(null)).hasMessage("Enter a name.");
  }

  @Test
  void limitsNamesTo255BytesOfUtf8() {
    assertThat(FileName.of("a".repeat(255)).value()).hasSize(255);
    assertThatThrownBy(() -> FileName.of("a".repeat(256))).hasMessageContaining("255 bytes");
    assertThat(FileName.of("ä".repeat(127) + "a").value()).hasSize(128);
    assertThatThrownBy(() -> FileName.of("ä".repeat(128))).hasMessageContaining("255 bytes");
  }

  @Test
  void messagesAreReadable() {
    assertThatThrownBy(() -> FileName.of("a/b")).hasMessage("A name cannot contain '/' or '\\'.");
    assertThatThrownBy(() -> FileName.of("..")).hasMessage("'..' is not allowed as a name.");
    assertThatThrownBy(() -> FileName.of(" x")).hasMessage("A name cannot start or end with a space.");
    assertThatThrownBy(() -> FileName.of("%2e%2e")).hasMessage("A name cannot be an encoded '.', '..', '/' or '\\'.");
  }

  @Test
  void normalisesToNfcSoMacAndLinuxNamesAreTheSame() {
    assertThat(FileName.of("Cafe\u0301.txt").value()).isEqualTo("Caf\u00e9.txt");
  }

  @Test
  void numbersConflictsBeforeTheExtension() {
    assertThat(FileName.of("report.pdf").withCounter(2, true).value()).isEqualTo("report (2).pdf");
    assertThat(FileName.of("report (2).pdf").withCounter(3, true).value()).isEqualTo("report (3).pdf");
    assertThat(FileName.of("archive.tar.gz").withCounter(2, true).value()).isEqualTo("archive.tar (2).gz");
    assertThat(FileName.of(".bashrc").withCounter(2, true).value()).isEqualTo(".bashrc (2)");
    assertThat(FileName.of("Photos 2024.v1").withCounter(2, false).value()).isEqualTo("Photos 2024.v1 (2)");
    assertThat(FileName.of("README").withCounter(12, true).value()).isEqualTo("README (12)");
  }

  @Test
  void numberedLongNamesStayWithinTheLimit() {
    FileName numbered = FileName.of("a".repeat(251) + ".txt").withCounter(2, true);
    assertThat(numbered.value()).endsWith(" (2).txt");
    assertThat(numbered.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
  }
}
