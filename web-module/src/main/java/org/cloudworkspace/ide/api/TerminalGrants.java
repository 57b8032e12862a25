package org.cloudworkspace.ide.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cloudworkspace.ide.TerminalGrant;

/**
 * Hands a grant from the upgrade filter (which redeemed the ticket) to the WebSocket endpoint of the same request,
 * keyed by the ticket; a grant not taken within seconds is dropped.
 */
@ApplicationScoped
public class TerminalGrants {

  private static final Duration KEEP = Duration.ofSeconds(30);

  private record Held(TerminalGrant grant, Instant until) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();

  void put(String ticket, TerminalGrant grant) {
    Instant now = Instant.now();
    held.values().removeIf(h -> h.until().isBefore(now));
    held.put(ticket, new Held(grant, now.plus(KEEP)));
  }

  Optional<TerminalGrant> take(String ticket) {
    Held h = ticket == null ? null : held.remove(ticket);
    return h == null || h.until().isBefore(Instant.now()) ? Optional.empty() : Optional.of(h.grant());
  }
}
