package org.cloudworkspace.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudworkspace.common.ClientInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the client's address: the connection's peer, or, only when that peer is a configured trusted proxy, the
 * nearest untrusted address in {@code X-Forwarded-For}. Trusting the header from anyone would let every client choose
 * the address its failed sign-ins are counted against.
 */
@ApplicationScoped
public class ClientAddresses {

  @Inject
  @ConfigProperty(name = "WORKSPACE_TRUSTED_PROXIES")
  Optional<String> trustedProxies;

  private volatile List<IpRange> ranges;

  public ClientInfo of(HttpServletRequest request) {
    return new ClientInfo(addressOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
        request.getHeader("User-Agent"));
  }

  /** Whether the request reached us over HTTPS, directly or as a trusted proxy says. */
  public boolean isSecure(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    return isTrusted(request.getRemoteAddr()) && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }

  /** Whether the request came straight from a configured trusted proxy (so its X-Forwarded-* headers count). */
  public boolean isTrustedProxy(HttpServletRequest request) {
    return isTrusted(request.getRemoteAddr());
  }

  String addressOf(String peer, String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (hop.isEmpty()) {
        continue;
      }
      if (!isTrusted(hop)) {
        return IpRange.parseAddress(hop).isPresent() ? hop : peer;
      }
    }
    return peer;
  }

  private boolean isTrusted(String address) {
    for (IpRange range : ranges()) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private List<IpRange> ranges() {
    List<IpRange> parsed = ranges;
    if (parsed == null) {
      parsed = parse(trustedProxies.orElse(""));
      ranges = parsed;
    }
    return parsed;
  }

  static List<IpRange> parse(String list) {
    List<IpRange> result = new ArrayList<>();
    if (list == null) {
      return result;
    }
    for (String item : list.split(",")) {
      Optional<IpRange> range = IpRange.parse(item.trim());
      range.ifPresent(result::add);
    }
    return List.copyOf(result);
  }
}
