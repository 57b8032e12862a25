package org.cloudworkspace.files.dav.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The multistatus writer's byte sink: the same text, hrefs and dates as the JDK's formatters, in one or many writes. */
class XmlSinkTest {

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final List<Integer> announced = new ArrayList<>();

  private XmlSink sink(int capacity) {
    return new XmlSink(length -> {
      announced.add(length);
      return body;
    }, capacity);
  }

  private String written() {
    return body.toString(StandardCharsets.UTF_8);
  }

  @Test
  void escapesTextAndEncodesUtf8() throws IOException {
    XmlSink sink = sink(64);
    sink.text("a&b<c>d\re résumé 😀 中").finish();
    assertThat(written()).isEqualTo("a&amp;b&lt;c&gt;d&#13;e résumé 😀 中");
  }

  @Test
  void percentEncodesHrefNamesLikeDavTarget() throws IOException {
    String name = "Résumé v2 (final)&co #1 😀.txt";
    StringBuilder expected = new StringBuilder();
    DavTarget.encode(name, expected);
    XmlSink sink = sink(16);
    sink.hrefName(name).finish();
    assertThat(written()).isEqualTo(expected.toString());
  }

  @Test
  void smallAnswersGoOutWholeWithTheirLengthAndLargeOnesAreStreamed() throws IOException {
    XmlSink small = sink(1024);
    small.ascii("<a>").text("x".repeat(100)).ascii("</a>").finish();
    assertThat(announced).containsExactly(107);
    assertThat(written()).hasSize(107);

    announced.clear();
    body.reset();
    XmlSink large = sink(64);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      large.ascii("<n>").number(i).markup("</n>".getBytes(StandardCharsets.US_ASCII));
      expected.append("<n>").append(i).append("</n>");
    }
    large.markup(new byte[0]).raw("<big>" + "é".repeat(100) + "</big>").finish();
    expected.append("<big>").append("é".repeat(100)).append("</big>");
    assertThat(announced).containsExactly(-1);
    assertThat(written()).isEqualTo(expected.toString());
  }

  @Test
  void formatsDatesAsTheJdkDoes() throws IOException {
    Random random = new Random(42);
    List<Instant> instants = new ArrayList<>(List.of(
        Instant.EPOCH, Instant.parse("2000-02-29T23:59:59Z"), Instant.parse("2026-11-27T02:52:18.123Z"),
        Instant.parse("1999-12-31T00:00:00.000001Z"), Instant.parse("2100-03-01T12:00:00.123456789Z"),
        Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("0999-01-01T00:00:00Z"),
        Instant.parse("+10000-01-01T00:00:00Z")));
    for (int i = 0; i < 2000; i++) {
      instants.add(Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L), random.nextInt(3) == 0
          ? 0 : random.nextInt(1000) * 1_000_000));
    }
    for (Instant instant : instants) {
      body.reset();
      XmlSink sink = sink(64);
      sink.httpDate(instant).ascii("|").isoInstant(instant).finish();
      assertThat(written()).as(instant.toString())
          .isEqualTo(PropertyWriter.HTTP_DATE.format(instant) + "|" + DateTimeFormatter.ISO_INSTANT.format(instant));
    }
  }
}
