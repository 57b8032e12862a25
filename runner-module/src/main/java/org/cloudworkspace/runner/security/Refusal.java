package org.cloudworkspace.runner.security;

/** Why a request was refused. The reason is logged; the client only sees the status and a generic message. */
public enum Refusal {
  MISSING_HEADER(401, "a signature header is missing"),
  MALFORMED_HEADER(401, "a signature header is malformed or repeated"),
  STALE_TIMESTAMP(401, "the timestamp is older than the allowed window"),
  FUTURE_TIMESTAMP(401, "the timestamp is further in the future than the allowed window"),
  BAD_SIGNATURE(401, "the signature does not match the request"),
  REPLAYED_NONCE(401, "the nonce was already used"),
  NONCE_CACHE_FULL(503, "too many recent nonces to remember another one");

  private final int status;
  private final String reason;

  Refusal(int status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status the refusal is answered with. */
  public int status() {
    return status;
  }

  /** A description for the server log; never sent to the client. */
  public String reason() {
    return reason;
  }
}
