package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which mail server addresses are refused (SSRF) and how MAIL_ALLOWED_INTERNAL_HOSTS opens exceptions. */
class MailHostPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.10", "169.254.169.254",
      "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::"})
  void internalAddressesAreRefusedByDefault(String address) throws Exception {
    assertThat(MailHostPolicy.parse("").allows(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
  void publicAddressesAreAllowed(String address) throws Exception {
    assertThat(MailHostPolicy.parse(null).allows(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.25", "192.168.10.77"})
  void listedRangesAreAllowed(String address) throws Exception {
    MailHostPolicy policy = MailHostPolicy.parse("127.0.0.1/32, 10.0.0.25, 192.168.10.0/24, not-an-address");
    assertThat(policy.allows(InetAddress.getByName(address))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("10.0.0.26"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("192.168.11.1"))).isFalse();
  }
}
