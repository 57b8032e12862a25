package org.cloudworkspace.common.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A setting an admin changed; settings without a row have their configured default. */
@Entity
@Table(name = "app_setting")
public class StoredSetting {

  @Id private String name;

  @Column(name = "setting_value", nullable = false)
  private String value;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  private String updatedBy;

  protected StoredSetting() {}

  StoredSetting(String name, String value, Instant now, String updatedBy) {
    this.name = name;
    change(value, now, updatedBy);
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  void change(String newValue, Instant now, String by) {
    this.value = newValue;
    this.updatedAt = now;
    this.updatedBy = by;
  }
}
