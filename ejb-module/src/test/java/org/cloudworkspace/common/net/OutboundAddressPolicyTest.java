package org.cloudworkspace.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address policy decides without ever connecting: names are resolved by a table, never by DNS. */
class OutboundAddressPolicyTest {

  private final Map<String, InetAddress[]> dns = new HashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private final OutboundAddressPolicy policy =
      new OutboundAddressPolicy(
          host -> {
            lookups.incrementAndGet();
            InetAddress[] found = dns.get(host);
            if (found != null) {
              return found;
            }
            // Literal addresses are parsed, never looked up.
            if (host.matches("[0-9.]+") || host.contains(":")) {
              return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
          });

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  /** An IPv6 address kept in its 16-byte form (Java turns ::ffff:a.b.c.d into an IPv4 address otherwise). */
  private static InetAddress v6(int... bytes) throws UnknownHostException {
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      raw[i] = (byte) bytes[i];
    }
    return Inet6Address.getByAddress(null, raw, -1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1",
        "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1",
        "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1", "::1", "::", "fe80::1",
        "febf::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
        "::ffff:10.1.2.3", "64:ff9b::a9fe:a9fe", "2002:7f00:0001::1", "2002:c0a8:0101::1", "2001:db8::1", "2001::1"
      })
  void refusesInternalAddresses(String literal) throws UnknownHostException {
    assertThat(OutboundAddressPolicy.isRestricted(ip(literal))).as(literal).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.1.1", "192.169.0.1", "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"
      })
  void allowsPublicAddresses(String literal) throws UnknownHostException {
    assertThat(OutboundAddressPolicy.isRestricted(ip(literal))).as(literal).isFalse();
  }

  @Test
  void refusesMappedAndCompatibleIpv6FormsKeptAsIpv6() throws UnknownHostException {
    // ::ffff:127.0.0.1, ::ffff:169.254.169.254 and ::10.0.0.1 (IPv4-compatible) in their 16-byte form
    assertThat(OutboundAddressPolicy.isRestricted(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1))).isTrue();
    assertThat(OutboundAddressPolicy.isRestricted(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 169, 254, 169, 254)))
        .isTrue();
    assertThat(OutboundAddressPolicy.isRestricted(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1))).isTrue();
    assertThat(OutboundAddressPolicy.isRestricted(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 8, 8, 8))).isTrue();
    assertThat(OutboundAddressPolicy.isRestricted(v6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 8, 8, 8, 8))).isFalse();
  }

  @Test
  void resolvesOnceAndReturnsTheCheckedAddress() throws UnknownHostException {
    dns.put("files.example.org", new InetAddress[] {ip("93.184.216.34")});
    OutboundAddressPolicy.Destination destination =
        policy.check(URI.create("https://files.example.org/doc?x=1"), List.of());
    assertThat(destination.address()).isEqualTo(ip("93.184.216.34"));
    assertThat(destination.host()).isEqualTo("files.example.org");
    assertThat(destination.port()).isEqualTo(443);
    assertThat(destination.configured()).isFalse();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void refusesAHostWithAnyInternalAddress() throws UnknownHostException {
    dns.put("rebind.example.org", new InetAddress[] {ip("93.184.216.34"), ip("127.0.0.1")});
    assertThatThrownBy(() -> policy.check(URI.create("http://rebind.example.org/"), List.of()))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("127.0.0.1")
        .hasMessageContaining("loopback");
  }

  @Test
  void refusesTheMetadataAddressByNameAndLiteral() throws UnknownHostException {
    dns.put("metadata.google.internal", new InetAddress[] {ip("169.254.169.254")});
    assertThatThrownBy(() -> policy.check(URI.create("http://metadata.google.internal/computeMetadata/v1/"), List.of()))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("metadata");
    assertThatThrownBy(() -> policy.check(URI.create("http://169.254.169.254/latest/meta-data/"), List.of()))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://[::ffff:169.254.169.254]/"), List.of()))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://[::ffff:7f00:1]:8080/"), List.of()))
        .isInstanceOf(DestinationRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd", "ftp://example.org/x", "jar:http://example.org/a.jar!/", "gopher://example.org/",
        "http://user:pass@example.org/", "http:///nohost", "//example.org/relative"
      })
  void refusesOtherSchemesUserInfoAndMissingHosts(String address) {
    dns.put("example.org", new InetAddress[] {InetAddress.getLoopbackAddress()});
    assertThatThrownBy(() -> policy.check(URI.create(address), List.of()))
        .isInstanceOf(DestinationRefusedException.class);
    assertThat(lookups).hasValue(0);
  }

  @Test
  void allowsAnInternalAddressOnlyOnExactlyTheConfiguredServer() throws UnknownHostException {
    dns.put("office", new InetAddress[] {ip("10.0.0.5")});
    List<URI> configured = List.of(URI.create("http://office:8000"), URI.create("http://127.0.0.1:25091/ds"));
    assertThat(policy.check(URI.create("http://office:8000/cache/files/abc/output.docx"), configured).configured())
        .isTrue();
    assertThat(policy.check(URI.create("HTTP://OFFICE:8000/x"), configured).address()).isEqualTo(ip("10.0.0.5"));
    assertThat(policy.check(URI.create("http://127.0.0.1:25091/other"), configured).configured()).isTrue();
    // Another port, another scheme or another name of the same address is not the configured server.
    assertThatThrownBy(() -> policy.check(URI.create("http://office:8001/x"), configured))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(() -> policy.check(URI.create("https://office:8000/x"), configured))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://localhost:25091/x"), configured))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://[::ffff:127.0.0.1]:25091/x"), configured))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:25092/x"), configured))
        .isInstanceOf(DestinationRefusedException.class);
  }

  @Test
  void defaultPortsCountAsTheConfiguredOnes() throws UnknownHostException {
    dns.put("ds.internal", new InetAddress[] {ip("192.168.10.10")});
    assertThat(policy.check(URI.create("https://ds.internal:443/x"), List.of(URI.create("https://ds.internal")))
        .configured()).isTrue();
    assertThat(policy.check(URI.create("http://ds.internal/x"), List.of(URI.create("http://ds.internal:80/")))
        .configured()).isTrue();
  }

  @Test
  void unresolvableHostsAreRefused() {
    assertThatThrownBy(() -> policy.check(URI.create("http://no-such-host.invalid/"), List.of()))
        .isInstanceOf(DestinationRefusedException.class)
        .hasMessageContaining("could not be resolved");
  }

  @Test
  void theClientRefusesBeforeConnecting(@TempDir Path dir) throws Exception {
    dns.put("internal.example.org", new InetAddress[] {ip("10.1.2.3")});
    OutboundHttp http = new OutboundHttp(policy);
    OutboundHttp.Limits limits =
        new OutboundHttp.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1024);
    Path target = dir.resolve("out");
    assertThatThrownBy(
            () -> http.download(URI.create("http://internal.example.org/x"), List.of(), Map.of(), limits, target))
        .isInstanceOf(DestinationRefusedException.class);
    assertThatThrownBy(
            () -> http.postJson(URI.create("file:///etc/passwd"), List.of(), Map.of(), "{}", limits))
        .isInstanceOf(DestinationRefusedException.class);
    assertThat(Files.exists(target)).isFalse();
  }
}
