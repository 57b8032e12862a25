package org.cloudworkspace.common.net;

/**
 * An outbound request that was allowed but did not succeed: unreachable, too slow, a redirect, an error status or a
 * body over the size limit. The message is fit for an admin's eyes (no secrets, no stack trace).
 */
public class OutboundRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OutboundRequestException(String message) {
    super(message, null, false, false);
  }

  public OutboundRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
