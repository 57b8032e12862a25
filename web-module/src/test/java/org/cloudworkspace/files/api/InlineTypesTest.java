package org.cloudworkspace.files.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only passive types may be shown inline; HTML, SVG, XML and scripts are always attachments. */
class InlineTypesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"image/png", "image/jpeg", "IMAGE/GIF", "image/webp", "application/pdf", "audio/mpeg", "video/mp4",
        "text/plain", "text/plain; charset=utf-8"})
  void passiveTypesMayBeInline(String type) {
    assertThat(InlineTypes.allowsInline(type)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text/html", "image/svg+xml", "IMAGE/SVG+XML", "application/xhtml+xml", "application/xml",
        "text/xml", "text/javascript", "application/javascript", "application/octet-stream", "text/css",
        "application/json", "multipart/related", ""})
  void activeOrUnknownTypesAreAlwaysAttachments(String type) {
    assertThat(InlineTypes.allowsInline(type)).isFalse();
  }
}
