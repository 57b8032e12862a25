package org.cloudworkspace.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Document keys, tokens, callback parsing, formats and blank files, without a server. */
class OfficeUnitsTest {

  private static final String SECRET = "a-document-server-secret-of-some-length";

  @Test
  void keysAreDerivedFromFileAndVersionWithinTheAllowedCharacters() {
    String key = DocumentSessions.keyOf("3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f", "etag1");
    assertThat(key).matches("[0-9A-Za-z._=-]{1,128}").hasSize(42);
    assertThat(DocumentSessions.keyOf("3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f", "etag1")).isEqualTo(key);
    assertThat(DocumentSessions.keyOf("3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f", "etag2")).isNotEqualTo(key);
    assertThat(DocumentSessions.keyOf("00000000-0d4a-4c6b-9e7f-1a2b3c4d5e6f", "etag1")).isNotEqualTo(key);
  }

  @Test
  void tokensVerifyOnlyWithTheSecret() throws Exception {
    String token = OfficeTokens.sign(Map.of("payload", Map.of("key", "k", "status", 2)), SECRET);
    assertThat(OfficeTokens.verify(token, SECRET)).containsKey("payload");
    assertThatThrownBy(() -> OfficeTokens.verify(token, SECRET + "x"))
        .isInstanceOf(OfficeTokens.InvalidTokenException.class);
    assertThatThrownBy(() -> OfficeTokens.verify(null, SECRET))
        .isInstanceOf(OfficeTokens.InvalidTokenException.class)
        .hasMessage("JWT expected");
  }

  @Test
  void unsignedAndExpiredTokensAreRefused() throws Exception {
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"key\":\"k\",\"status\":2}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> OfficeTokens.verify(header + "." + payload + ".", SECRET))
        .isInstanceOf(OfficeTokens.InvalidTokenException.class);
    String expired = OfficeTokens.sign(Map.of("exp", System.currentTimeMillis() / 1000 - 3600), SECRET);
    assertThatThrownBy(() -> OfficeTokens.verify(expired, SECRET))
        .isInstanceOf(OfficeTokens.InvalidTokenException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void callbackBodiesNeedAKeyAndAStatus() {
    CallbackBody body =
        CallbackBody.from(
            Map.of("key", "cwabc", "status", 2L, "url", "http://ds/x", "filetype", "docx", "users", List.of("u1"),
                "actions", List.of(Map.of("type", 0L, "userid", "u1"))));
    assertThat(body.status()).isEqualTo(2);
    assertThat(body.users()).containsExactly("u1");
    assertThat(body.actions()).containsExactly(new CallbackBody.Action(0, "u1"));
    assertThatThrownBy(() -> CallbackBody.from(Map.of("status", 2L))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackBody.from(Map.of("key", "k"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackBody.from(Map.of("key", "k".repeat(129), "status", 1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsSayWhatOpensWhere() {
    assertThat(DocumentFormats.of("Report.DOCX")).get().extracting(DocumentFormats.Format::editable).isEqualTo(true);
    assertThat(DocumentFormats.of("old.doc")).get().extracting(DocumentFormats.Format::editable).isEqualTo(false);
    assertThat(DocumentFormats.of("sheet.xlsx")).get().extracting(DocumentFormats.Format::type)
        .isEqualTo(DocumentFormats.DocumentType.CELL);
    assertThat(DocumentFormats.of("archive.zip")).isEmpty();
    assertThat(DocumentFormats.isText("notes.md")).isTrue();
    assertThat(DocumentFormats.isText("Dockerfile")).isTrue();
    assertThat(DocumentFormats.isText("photo.png")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(BlankDocuments.Kind.class)
  void blankFilesAreZipsOfWellFormedParts(BlankDocuments.Kind kind) throws Exception {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(BlankDocuments.of(kind)))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(zip.readAllBytes()));
      }
    }
    assertThat(names.get(0)).isEqualTo("[Content_Types].xml");
    assertThat(names).contains("_rels/.rels");
  }
}
