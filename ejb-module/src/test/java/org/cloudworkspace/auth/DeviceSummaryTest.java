package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceSummaryTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox 128 on Linux",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome 131 on Windows",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70|Edge 131 on Windows",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15|Safari 17 on macOS",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1|Safari 17 on iOS",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36|Chrome 131 on Android",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0|Opera 106 on Linux",
        "curl/8.5.0|curl 8",
        "Java-http-client/17.0.12|Java HTTP client 17",
        "SomeBot|Other (SomeBot)"
      })
  void describesCommonUserAgents(String userAgent, String expected) {
    assertThat(DeviceSummary.of(userAgent)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(value = {"''", "'   '"})
  void unknownWhenThereIsNoUserAgent(String userAgent) {
    assertThat(DeviceSummary.of(userAgent)).isEqualTo("Unknown device");
    assertThat(DeviceSummary.of(null)).isEqualTo("Unknown device");
  }
}
