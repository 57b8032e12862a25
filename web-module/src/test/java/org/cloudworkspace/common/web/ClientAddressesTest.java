package org.cloudworkspace.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private static ClientAddresses trusting(String proxies) {
    ClientAddresses addresses = new ClientAddresses();
    addresses.trustedProxies = Optional.ofNullable(proxies);
    return addresses;
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    ClientAddresses none = trusting(null);
    assertThat(none.addressOf("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    ClientAddresses other = trusting("192.0.2.1");
    assertThat(other.addressOf("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void takesTheNearestUntrustedHopBehindTrustedProxies() {
    ClientAddresses proxies = trusting("192.0.2.0/24, ::1");
    assertThat(proxies.addressOf("192.0.2.10", "198.51.100.7")).isEqualTo("198.51.100.7");
    // A client-supplied first hop cannot override what the trusted proxy appended.
    assertThat(proxies.addressOf("192.0.2.10", "6.6.6.6, 198.51.100.7, 192.0.2.11")).isEqualTo("198.51.100.7");
    assertThat(proxies.addressOf("::1", "2001:db8::5")).isEqualTo("2001:db8::5");
  }

  @Test
  void garbageInTheHeaderFallsBackToThePeer() {
    ClientAddresses proxies = trusting("192.0.2.10");
    assertThat(proxies.addressOf("192.0.2.10", "evil.example")).isEqualTo("192.0.2.10");
    assertThat(proxies.addressOf("192.0.2.10", " , ")).isEqualTo("192.0.2.10");
  }
}
