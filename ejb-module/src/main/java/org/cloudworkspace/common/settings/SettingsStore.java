package org.cloudworkspace.common.settings;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the stored settings rows. */
@Stateless
public class SettingsStore {

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  /** Every stored setting, name → stored text. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, String> all() {
    Map<String, String> values = new HashMap<>();
    em.createQuery("SELECT s FROM StoredSetting s", StoredSetting.class)
        .getResultList()
        .forEach(s -> values.put(s.name(), s.value()));
    return values;
  }

  /** Stores a value, or removes the row when the value is empty (back to the default). */
  public void put(String name, Optional<String> value, String by, Instant now) {
    StoredSetting row = em.find(StoredSetting.class, name, LockModeType.PESSIMISTIC_WRITE);
    if (value.isEmpty()) {
      if (row != null) {
        em.remove(row);
      }
    } else if (row == null) {
      em.persist(new StoredSetting(name, value.get(), now, by));
    } else {
      row.change(value.get(), now, by);
    }
  }
}
