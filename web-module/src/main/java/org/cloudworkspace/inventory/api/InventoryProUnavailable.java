package org.cloudworkspace.inventory.api;

import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;
import org.cloudworkspace.common.error.DomainException;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** The answer when InventoryPro is down, slow, failing or behind an open circuit: a 503 that says so. */
public final class InventoryProUnavailable {

  private static final Logger LOG = Logger.getLogger(InventoryProUnavailable.class.getName());

  private InventoryProUnavailable() {}

  /** Logs why the call failed (for the administrator) and returns the user's error. */
  static DomainException after(ExecutionContext context) {
    Throwable failure = context.getFailure();
    LOG.warning(
        () ->
            "InventoryPro call "
                + context.getMethod().getName()
                + " failed: "
                + (failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    return new DomainException(
        DomainException.Kind.UNAVAILABLE,
        "InventoryPro is not reachable",
        "InventoryPro is not reachable right now. Try again in a minute; the rest of the workspace is not affected.");
  }

  /** Fallback of the item search. */
  @Dependent
  public static class Search implements FallbackHandler<ItemSearchView> {
    @Override
    public ItemSearchView handle(ExecutionContext context) {
      throw after(context);
    }
  }

  /** Fallback of the item details. */
  @Dependent
  public static class Item implements FallbackHandler<ItemView> {
    @Override
    public ItemView handle(ExecutionContext context) {
      throw after(context);
    }
  }

  /** Fallback of attaching a file. */
  @Dependent
  public static class Attach implements FallbackHandler<AttachmentView> {
    @Override
    public AttachmentView handle(ExecutionContext context) {
      throw after(context);
    }
  }
}
