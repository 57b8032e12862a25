package org.cloudworkspace.ide;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminal and editor traffic per workspace, noted in memory on every message and written to the database by the
 * housekeeping sweep, so that keystrokes never cost a database write.
 */
@ApplicationScoped
public class IdeActivity {

  private final Map<String, Instant> latest = new ConcurrentHashMap<>();

  /** Notes traffic on a workspace now. */
  public void touch(String workspaceId) {
    latest.put(workspaceId, Instant.now());
  }

  /** The traffic noted since the last call, and forgets it. */
  public Map<String, Instant> drain() {
    Map<String, Instant> copy = new HashMap<>();
    for (String id : latest.keySet()) {
      Instant when = latest.remove(id);
      if (when != null) {
        copy.put(id, when);
      }
    }
    return copy;
  }
}
