package org.cloudworkspace.inventory.api;

/**
 * InventoryPro answered with an error that is not the user's doing (5xx, a refused signature, an unexpected status).
 * Counts as a failure for the retry and the circuit breaker; the user sees "not reachable". The message is for the log.
 */
public class InventoryProFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InventoryProFailure(String message) {
    super(message, null, false, false);
  }
}
