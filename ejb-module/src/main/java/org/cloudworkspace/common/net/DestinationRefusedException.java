package org.cloudworkspace.common.net;

/** The address policy refused a destination; the message says why, in words fit for an admin. */
public class DestinationRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DestinationRefusedException(String reason) {
    super("Refused to connect: " + reason + ".", null, false, false);
  }
}
