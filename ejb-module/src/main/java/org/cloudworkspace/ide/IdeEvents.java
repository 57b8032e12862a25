package org.cloudworkspace.ide;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes workspace status changes to the browsers of their owner: listeners subscribe per user (the API's event
 * stream) and get each change once its transaction committed.
 */
@ApplicationScoped
public class IdeEvents {

  private static final Logger LOG = Logger.getLogger(IdeEvents.class.getName());

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, Set<Consumer<WorkspaceChange>>> listeners = new ConcurrentHashMap<>();

  /** Registers a listener for one user's changes; run the returned action to unsubscribe. */
  public Runnable subscribe(String userId, Consumer<WorkspaceChange> listener) {
    listeners.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(listener);
    return () -> {
      Set<Consumer<WorkspaceChange>> set = listeners.get(userId);
      if (set != null) {
        set.remove(listener);
      }
    };
  }

  /** Publishes a change after the current transaction commits (at once when there is none). */
  public void publish(WorkspaceChange change) {
    boolean inTransaction;
    try {
      inTransaction = transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    } catch (RuntimeException e) {
      inTransaction = false;
    }
    if (!inTransaction) {
      deliver(change);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              deliver(change);
            }
          }
        });
  }

  private void deliver(WorkspaceChange change) {
    Set<Consumer<WorkspaceChange>> set = listeners.get(change.ownerId());
    if (set == null) {
      return;
    }
    for (Consumer<WorkspaceChange> listener : set) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Dropping a workspace event listener that failed", e);
        set.remove(listener);
      }
    }
  }
}
