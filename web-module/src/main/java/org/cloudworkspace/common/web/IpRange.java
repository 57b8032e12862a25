package org.cloudworkspace.common.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address or a CIDR block, IPv4 or IPv6, parsed without any name lookup. */
public record IpRange(byte[] network, int prefixBits) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** Parses {@code 10.0.0.0/8}, {@code 192.0.2.7} or {@code ::1}; empty for anything else. */
  public static Optional<IpRange> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    String addressPart = slash < 0 ? text : text.substring(0, slash);
    Optional<byte[]> address = parseAddress(addressPart);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int max = address.get().length * 8;
    int bits = max;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (bits < 0 || bits > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new IpRange(address.get(), bits));
  }

  /** The bytes of a literal address; never resolves a host name. */
  public static Optional<byte[]> parseAddress(String text) {
    if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  public boolean contains(String address) {
    return parseAddress(address).map(this::contains).orElse(false);
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefixBits / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }
}
