package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The mail HTML policy: an XSS corpus of more than 100 vectors, and what legitimate mail keeps. */
class MailHtmlSanitizerTest {

  private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");
  private static final Pattern REMOTE_SRC = Pattern.compile("(?i)\\s(src|srcset|background|poster|data|action|formaction|xlink:href|dynsrc|lowsrc)\\s*=");
  private static final List<String> FORBIDDEN_ELEMENTS =
      List.of("<script", "<style", "<iframe", "<frame", "<object", "<embed", "<applet", "<base", "<meta", "<link",
          "<form", "<input", "<button", "<select", "<textarea", "<svg", "<math", "<video", "<audio", "<source",
          "<picture", "<template", "<xml", "<isindex", "<keygen", "<marquee", "<bgsound", "<body", "<title",
          "<noscript", "<details");

  static Stream<String> vectors() throws IOException {
    try (InputStream in = MailHtmlSanitizerTest.class.getResourceAsStream("/mail/xss-vectors.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.replace("\\n", "\n"))
          .toList()
          .stream();
    }
  }

  @Test
  void corpusHasAtLeastOneHundredVectors() throws IOException {
    assertThat(vectors().count()).isGreaterThanOrEqualTo(100);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void nothingExecutableOrRemoteSurvives(String vector) {
    String out = MailHtmlSanitizer.sanitize(vector, cid -> null, false).html();
    String lower = out.toLowerCase(Locale.ROOT);
    assertThat(lower).as("output of %s", vector).doesNotContain("javascript:", "vbscript:", "data:", "expression(",
        "url(", "@import", "-moz-binding", "behavior", "http-equiv", "example.invalid/t", "example.invalid/x",
        "//example.invalid/track", "image-set");
    for (String element : FORBIDDEN_ELEMENTS) {
      assertThat(lower).as("output of %s", vector).doesNotContain(element);
    }
    assertThat(EVENT_HANDLER.matcher(out).find()).as("event handler in %s", out).isFalse();
    assertThat(REMOTE_SRC.matcher(out).find()).as("remote-loading attribute in %s", out).isFalse();
    assertThat(out).as("output of %s", vector).doesNotContain("target=\"_self\"", "rel=\"opener\"");
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void allowingRemoteImagesStillAllowsNothingExecutable(String vector) {
    String out = MailHtmlSanitizer.sanitize(vector, cid -> null, true).html().toLowerCase(Locale.ROOT);
    assertThat(out).doesNotContain("javascript:", "vbscript:", "data:", "expression(", "url(", "<script", "<iframe",
        "<svg", "<math", "<form", "<base", "<meta", "<style");
    assertThat(EVENT_HANDLER.matcher(out).find()).isFalse();
  }

  @Test
  void remoteImagesAreBlockedAndReported() {
    MailHtmlSanitizer.Result result =
        MailHtmlSanitizer.sanitize("<p>Hi<img src=\"https://tracker.example/p.gif\" alt=\"pixel\"></p>", false);
    assertThat(result.remoteContentBlocked()).isTrue();
    assertThat(result.html()).contains("alt=\"pixel\"").doesNotContain("tracker.example");

    MailHtmlSanitizer.Result allowed =
        MailHtmlSanitizer.sanitize("<p>Hi<img src=\"https://tracker.example/p.gif\"></p>", true);
    assertThat(allowed.remoteContentBlocked()).isFalse();
    assertThat(allowed.html()).contains("src=\"https://tracker.example/p.gif\"");
  }

  @Test
  void inlineImagesBecomeTheirDataUrls() {
    String data = "data:image/png;base64,iVBORw0KGgo=";
    MailHtmlSanitizer.Result result =
        MailHtmlSanitizer.sanitize("<img src=\"cid:logo@example\"><img src=\"cid:missing@example\">",
            MailHtmlSanitizer.inline(Map.of("logo@example", data)), false);
    assertThat(result.html()).contains("src=\"data:image/png;base64,iVBORw0KGgo").doesNotContain("missing");
    assertThat(result.remoteContentBlocked()).isFalse();
  }

  @Test
  void formattingAndLinksOfOrdinaryMailSurvive() {
    String out =
        MailHtmlSanitizer.sanitize(
                "<table width=\"600\" cellpadding=\"4\"><tr><td style=\"color: #333; font-weight: bold\">Invoice</td>"
                    + "</tr></table><p><a href=\"https://shop.example/order/1\">Your order</a> <b>now</b></p>",
                false)
            .html();
    assertThat(out)
        .contains("<table width=\"600\" cellpadding=\"4\">")
        .contains("color:#333")
        .contains("font-weight:bold")
        .contains("href=\"https://shop.example/order/1\"")
        .contains("target=\"_blank\"")
        .contains("noreferrer")
        .contains("<b>now</b>");
  }
}
