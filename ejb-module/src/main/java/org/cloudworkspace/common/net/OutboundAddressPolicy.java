package org.cloudworkspace.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether the app may send a request to an address it was given (SSRF defence, ASVS 1.3.6 / 13.2.4 /
 * 15.3.2). Only {@code http} and {@code https} without user info are accepted; the host is resolved exactly once and
 * every address it resolves to must be public: loopback, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT
 * (100.64/10), "this network" (0/8), link-local (169.254/16 with the cloud metadata address, fe80::/10), unique-local
 * (fc00::/7), site-local, multicast, reserved and documentation ranges are refused, also when written as IPv4-mapped,
 * IPv4-compatible, NAT64 or 6to4 IPv6 addresses. The one exception is a destination that is exactly (scheme, host
 * and port) one of the explicitly configured servers: it may be internal, as a Document Server next to the app
 * usually is. The caller connects to {@link Destination#address()}, never resolving the host again.
 */
public final class OutboundAddressPolicy {

  /** Resolves a host name to its addresses; the real one asks the system resolver. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The system's resolver (DNS, hosts file). */
  public static final Resolver SYSTEM_RESOLVER = InetAddress::getAllByName;

  private final Resolver resolver;

  public OutboundAddressPolicy(Resolver resolver) {
    this.resolver = Objects.requireNonNull(resolver);
  }

  /** A policy over the system resolver. */
  public static OutboundAddressPolicy system() {
    return new OutboundAddressPolicy(SYSTEM_RESOLVER);
  }

  /** A checked destination: where to connect ({@code address}), and the host name for the Host header and TLS. */
  public record Destination(URI uri, String scheme, String host, int port, InetAddress address, boolean configured) {}

  /**
   * Checks {@code uri} and resolves its host once.
   *
   * @param configuredServers the servers an admin configured (their scheme, host and port count; paths are ignored);
   *     a destination exactly on one of them may be internal
   * @throws DestinationRefusedException with a reason fit for an admin's eyes
   */
  public Destination check(URI uri, Collection<URI> configuredServers) {
    if (uri == null) {
      throw new DestinationRefusedException("no address was given");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new DestinationRefusedException("only http and https addresses are allowed, not '" + scheme + ":'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new DestinationRefusedException("addresses with a user name or password are not allowed");
    }
    String host = hostOf(uri);
    int port = effectivePort(uri);
    if (port < 1 || port > 65535) {
      throw new DestinationRefusedException("the port " + port + " is not valid");
    }
    boolean configured = configuredServers.stream().anyMatch(s -> sameOrigin(s, scheme, host, port));
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new DestinationRefusedException("the host " + host + " could not be resolved");
    }
    if (addresses == null || addresses.length == 0) {
      throw new DestinationRefusedException("the host " + host + " could not be resolved");
    }
    if (!configured) {
      for (InetAddress address : addresses) {
        String why = restrictionOf(address);
        if (why != null) {
          throw new DestinationRefusedException(
              "the host " + host + " resolves to " + address.getHostAddress() + ", a " + why + " address");
        }
      }
    }
    return new Destination(uri, scheme, host, port, addresses[0], configured);
  }

  /** Whether requests to this address are refused (unless it is a configured server). */
  public static boolean isRestricted(InetAddress address) {
    return restrictionOf(address) != null;
  }

  /** What kind of non-public address this is, or null when it is public. */
  static String restrictionOf(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return restrictionOfV4(v4.getAddress());
    }
    if (address instanceof Inet6Address v6) {
      return restrictionOfV6(v6.getAddress());
    }
    return "unknown kind of";
  }

  private static String restrictionOfV4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    if (b0 == 0) {
      return "\"this network\" (0.0.0.0/8)";
    }
    if (b0 == 127) {
      return "loopback";
    }
    if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
      return "private";
    }
    if (b0 == 100 && b1 >= 64 && b1 <= 127) {
      return "carrier-grade NAT (100.64.0.0/10)";
    }
    if (b0 == 169 && b1 == 254) {
      return "link-local or cloud metadata";
    }
    if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) {
      return "reserved (192.0.0.0/24, 192.0.2.0/24)";
    }
    if (b0 == 198 && (b1 == 18 || b1 == 19)) {
      return "benchmarking (198.18.0.0/15)";
    }
    if ((b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
      return "documentation";
    }
    if (b0 >= 224 && b0 <= 239) {
      return "multicast";
    }
    if (b0 >= 240) {
      return "reserved or broadcast";
    }
    return null;
  }

  private static String restrictionOfV6(byte[] a) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= a[i] == 0;
    }
    boolean firstTwelveZero = firstTenZero && a[10] == 0 && a[11] == 0;
    if (firstTwelveZero) {
      boolean loopbackOrUnspecified = a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1);
      if (loopbackOrUnspecified) {
        return a[15] == 1 ? "loopback" : "unspecified";
      }
      String embedded = restrictionOfV4(new byte[] {a[12], a[13], a[14], a[15]});
      return "IPv4-compatible IPv6 " + (embedded == null ? "(deprecated)" : embedded);
    }
    if (firstTenZero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      String embedded = restrictionOfV4(new byte[] {a[12], a[13], a[14], a[15]});
      return embedded == null ? null : "IPv4-mapped IPv6 " + embedded;
    }
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (b0 == 0x00 && b1 == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
      // NAT64 (64:ff9b::/96 and 64:ff9b:1::/48) reaches the IPv4 address in the last four bytes.
      String embedded = restrictionOfV4(new byte[] {a[12], a[13], a[14], a[15]});
      return embedded == null ? null : "NAT64 " + embedded;
    }
    if (b0 == 0x20 && b1 == 0x02) {
      String embedded = restrictionOfV4(new byte[] {a[2], a[3], a[4], a[5]});
      return embedded == null ? null : "6to4 " + embedded;
    }
    if (b0 == 0x20 && b1 == 0x01 && a[2] == 0 && a[3] == 0) {
      return "Teredo tunnel";
    }
    if (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
      return "documentation";
    }
    if ((b0 & 0xfe) == 0xfc) {
      return "unique-local (fc00::/7)";
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return "link-local (fe80::/10)";
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return "site-local (fec0::/10)";
    }
    if (b0 == 0xff) {
      return "multicast";
    }
    if (b0 == 0x01 && b1 == 0 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) {
      return "discard-only (100::/64)";
    }
    return null;
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new DestinationRefusedException("the address has no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.toLowerCase(Locale.ROOT);
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Whether a configured server has exactly this scheme, host and port. */
  static boolean sameOrigin(URI server, String scheme, String host, int port) {
    if (server == null || server.getScheme() == null || server.getHost() == null) {
      return false;
    }
    String serverHost = server.getHost();
    if (serverHost.startsWith("[") && serverHost.endsWith("]")) {
      serverHost = serverHost.substring(1, serverHost.length() - 1);
    }
    return server.getScheme().equalsIgnoreCase(scheme)
        && serverHost.equalsIgnoreCase(host)
        && effectivePort(server) == port;
  }
}
