package org.cloudworkspace.common;

/** Where a request came from: the client address (after trusted-proxy resolution) and its user agent. */
public record ClientInfo(String address, String userAgent) {

  private static final int MAX_USER_AGENT = 512;
  private static final int MAX_ADDRESS = 64;

  public ClientInfo {
    address = clip(address == null || address.isBlank() ? "unknown" : address, MAX_ADDRESS);
    userAgent = userAgent == null ? null : clip(userAgent, MAX_USER_AGENT);
  }

  /** A client seen from inside the server (start-up tasks, schedulers). */
  public static ClientInfo system() {
    return new ClientInfo("local", "system");
  }

  private static String clip(String value, int max) {
    String clean = value.replaceAll("\\p{Cntrl}", " ");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }
}
