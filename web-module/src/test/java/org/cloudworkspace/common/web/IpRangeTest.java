package org.cloudworkspace.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpRangeTest {

  @Test
  void ipv4Blocks() {
    IpRange range = IpRange.parse("192.0.2.0/25").orElseThrow();
    assertThat(range.contains("192.0.2.1")).isTrue();
    assertThat(range.contains("192.0.2.127")).isTrue();
    assertThat(range.contains("192.0.2.128")).isFalse();
    assertThat(IpRange.parse("0.0.0.0/0").orElseThrow().contains("203.0.113.1")).isTrue();
    assertThat(IpRange.parse("203.0.113.5").orElseThrow().contains("203.0.113.5")).isTrue();
  }

  @Test
  void ipv6BlocksAndFamiliesDoNotMix() {
    IpRange range = IpRange.parse("2001:db8::/32").orElseThrow();
    assertThat(range.contains("2001:db8:1::1")).isTrue();
    assertThat(range.contains("2001:db9::1")).isFalse();
    assertThat(range.contains("192.0.2.1")).isFalse();
  }

  @Test
  void neverResolvesNamesAndRefusesNonsense() {
    assertThat(IpRange.parse("localhost")).isEmpty();
    assertThat(IpRange.parse("cafe")).isEmpty();
    assertThat(IpRange.parse("10.0.0.0/33")).isEmpty();
    assertThat(IpRange.parse("10.0.0.0/x")).isEmpty();
    assertThat(IpRange.parse("")).isEmpty();
    assertThat(IpRange.parseAddress("example.org")).isEmpty();
  }
}
