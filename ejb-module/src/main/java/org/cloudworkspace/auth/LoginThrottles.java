package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Brute-force protection kept in the database, so it holds across app instances: failed sign-ins are counted per
 * account and per client address, and a key past its threshold is locked for a while.
 */
@Stateless
public class LoginThrottles {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject AuthSettings settings;

  static String accountKey(String username) {
    String name = Username.normalize(username);
    return "account:" + (name.length() > 120 ? name.substring(0, 120) : name);
  }

  static String addressKey(String address) {
    return "address:" + address;
  }

  /** Seconds until this account and address may try again; 0 when neither is locked. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long secondsLocked(String accountKey, String addressKey, Instant now) {
    long account = find(accountKey).map(t -> t.secondsLocked(now)).orElse(0L);
    long address = find(addressKey).map(t -> t.secondsLocked(now)).orElse(0L);
    return Math.max(account, address);
  }

  /**
   * Counts a failure for both keys, in a transaction of its own so that the failed sign-in rolling back keeps the
   * count. Returns whether either key is now locked.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean recordFailure(String accountKey, String addressKey, Instant now) {
    boolean accountLocked = count(accountKey, settings.accountFailures(), now);
    boolean addressLocked = count(addressKey, settings.addressFailures(), now);
    return accountLocked || addressLocked;
  }

  /** Forgets the failures of an account after it signed in. Address counts stay, against password spraying. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void reset(String accountKey) {
    em.createQuery("DELETE FROM LoginThrottle t WHERE t.key = :key").setParameter("key", accountKey).executeUpdate();
  }

  private boolean count(String key, int threshold, Instant now) {
    LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (throttle == null) {
      throttle = new LoginThrottle(key, now);
      em.persist(throttle);
    }
    throttle.recordFailure(now, threshold, settings.throttleWindow(), settings.throttleLock());
    em.flush();
    return throttle.secondsLocked(now) > 0;
  }

  private java.util.Optional<LoginThrottle> find(String key) {
    return java.util.Optional.ofNullable(em.find(LoginThrottle.class, key));
  }
}
