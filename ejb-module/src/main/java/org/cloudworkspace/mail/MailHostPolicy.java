package org.cloudworkspace.mail;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which addresses the server may open mail connections to. Users type host names, so without a rule they could make
 * the server reach internal services (SSRF). Public addresses are always allowed; loopback, private, link-local,
 * unique-local, multicast, unspecified and IPv4-mapped or -compatible internal addresses only when they fall into one
 * of the ranges of {@code MAIL_ALLOWED_INTERNAL_HOSTS} (comma-separated addresses or CIDR ranges, e.g. an internal
 * mail server {@code 10.0.0.25} or {@code 127.0.0.1/32} for tests).
 */
public final class MailHostPolicy {

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> allowedInternal;

  private MailHostPolicy(List<Range> allowedInternal) {
    this.allowedInternal = List.copyOf(allowedInternal);
  }

  /** Parses the comma-separated list; entries that are not IP addresses or ranges are ignored. */
  public static MailHostPolicy parse(String spec) {
    List<Range> ranges = new ArrayList<>();
    if (spec != null) {
      for (String item : spec.split(",")) {
        String entry = item.strip();
        if (entry.isEmpty()) {
          continue;
        }
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (!host.matches("[0-9A-Fa-f:.]+")) {
          continue;
        }
        try {
          byte[] bytes = InetAddress.getByName(host).getAddress();
          int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
          if (prefix >= 0 && prefix <= bytes.length * 8) {
            ranges.add(new Range(bytes, prefix));
          }
        } catch (UnknownHostException | NumberFormatException e) {
          // not an address: ignored
        }
      }
    }
    return new MailHostPolicy(ranges);
  }

  /** Whether a connection to this (resolved) address is allowed. */
  public boolean allows(InetAddress address) {
    if (!isInternal(address)) {
      return true;
    }
    byte[] bytes = address.getAddress();
    return allowedInternal.stream().anyMatch(r -> r.contains(bytes));
  }

  /** Loopback, private, link-local, unique-local, multicast, unspecified, or such an address mapped into IPv6. */
  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19)) || first >= 240;
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      boolean mappedOrCompatible = true;
      for (int i = 0; i < 10; i++) {
        mappedOrCompatible &= b[i] == 0;
      }
      if (mappedOrCompatible && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return isInternal(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
