package org.cloudworkspace.common.settings;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The workspace's run-time settings: what an admin stored, else the configured default. Every context reads its
 * settings here, so a change applies without a restart: at once on this instance, within {@link #CACHE_TTL} on others.
 */
@ApplicationScoped
public class SettingsService {

  /** How long another app instance may take to notice a change. */
  static final Duration CACHE_TTL = Duration.ofSeconds(5);

  private record Snapshot(Map<String, String> stored, Instant fetchedAt) {}

  /** One changed setting, for the audit log. */
  public record Change(String name, Object before, Object after) {}

  @Inject SettingsStore store;

  @Inject Config config;

  @Resource TransactionSynchronizationRegistry transactions;

  private volatile Snapshot snapshot;

  /** The value of a setting as the API shows it (Long, Boolean, String or List of String). */
  public Object value(String name) {
    SettingDefinition definition =
        SettingsCatalog.find(name).orElseThrow(() -> new IllegalArgumentException("No setting " + name));
    String stored = stored().get(name);
    if (stored != null) {
      try {
        return definition.decode(stored);
      } catch (RuntimeException e) {
        // A row that no longer decodes falls back to the default.
      }
    }
    return definition.decode(defaultText(definition));
  }

  /** Every setting's current value, in catalog order. */
  public Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    SettingsCatalog.definitions().forEach(d -> values.put(d.name(), value(d.name())));
    return values;
  }

  /** Every setting's configured default, in catalog order. */
  public Map<String, Object> defaults() {
    Map<String, Object> values = new LinkedHashMap<>();
    SettingsCatalog.definitions().forEach(d -> values.put(d.name(), d.decode(defaultText(d))));
    return values;
  }

  /**
   * Validates and stores a change in the caller's transaction; returns what changed. Unknown or invalid settings
   * refuse the whole change with one field error each.
   */
  public List<Change> update(Map<String, ?> patch, String by) {
    Map<String, Optional<String>> parsed = SettingsCatalog.validate(patch);
    Instant now = Instant.now();
    List<Change> changes = new ArrayList<>();
    parsed.forEach(
        (name, text) -> {
          Object before = value(name);
          SettingDefinition definition = SettingsCatalog.find(name).orElseThrow();
          Object after = definition.decode(text.orElseGet(() -> defaultText(definition)));
          store.put(name, text, by, now);
          if (!Objects.equals(before, after)) {
            changes.add(new Change(name, before, after));
          }
        });
    forgetAfterCommit();
    return changes;
  }

  /** Whether an environment variable (a secret) has a non-empty value, without revealing it. */
  public boolean isConfigured(String name) {
    return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isPresent();
  }

  public long defaultQuotaBytes() {
    return number(SettingsCatalog.DEFAULT_QUOTA_BYTES);
  }

  public int trashRetentionDays() {
    return (int) number(SettingsCatalog.TRASH_RETENTION_DAYS);
  }

  public int versionRetentionDays() {
    return (int) number(SettingsCatalog.VERSION_RETENTION_DAYS);
  }

  public int passwordMinLength() {
    return (int) number(SettingsCatalog.PASSWORD_MIN_LENGTH);
  }

  public boolean sharePasswordRequired() {
    return flag(SettingsCatalog.SHARE_PASSWORD_REQUIRED);
  }

  /** 0 when links may live without expiry. */
  public int shareMaxExpiryDays() {
    return (int) number(SettingsCatalog.SHARE_MAX_EXPIRY_DAYS);
  }

  /** Empty when not configured. */
  public String documentServerPublicUrl() {
    return text(SettingsCatalog.OFFICE_PUBLIC_URL);
  }

  /** Empty when not configured. */
  public String documentServerInternalUrl() {
    return text(SettingsCatalog.OFFICE_INTERNAL_URL);
  }

  /** Empty when not configured. */
  public String appPublicUrl() {
    return text(SettingsCatalog.OFFICE_APP_PUBLIC_URL);
  }

  public String documentServerJwtHeader() {
    return text(SettingsCatalog.OFFICE_JWT_HEADER);
  }

  public List<String> ideApprovedImages() {
    return list(SettingsCatalog.IDE_APPROVED_IMAGES);
  }

  public int ideMaxWorkspacesPerUser() {
    return (int) number(SettingsCatalog.IDE_MAX_WORKSPACES);
  }

  public int ideMemoryMb() {
    return (int) number(SettingsCatalog.IDE_MEMORY_MB);
  }

  public int ideCpus() {
    return (int) number(SettingsCatalog.IDE_CPUS);
  }

  public int ideIdleTimeoutMinutes() {
    return (int) number(SettingsCatalog.IDE_IDLE_TIMEOUT_MINUTES);
  }

  public List<String> mailAllowedSecurityModes() {
    return list(SettingsCatalog.MAIL_SECURITY_MODES);
  }

  /** Empty when not configured. */
  public String inventoryUrl() {
    return text(SettingsCatalog.INVENTORY_URL);
  }

  public boolean require2faForAdmins() {
    return flag(SettingsCatalog.REQUIRE_2FA_ADMINS);
  }

  public boolean require2faForEveryone() {
    return flag(SettingsCatalog.REQUIRE_2FA_EVERYONE);
  }

  /** 0 keeps audit events forever. */
  public int auditRetentionDays() {
    return (int) number(SettingsCatalog.AUDIT_RETENTION_DAYS);
  }

  private long number(String name) {
    return (Long) value(name);
  }

  private boolean flag(String name) {
    return (Boolean) value(name);
  }

  private String text(String name) {
    return (String) value(name);
  }

  @SuppressWarnings("unchecked")
  private List<String> list(String name) {
    return (List<String>) value(name);
  }

  private String defaultText(SettingDefinition definition) {
    return definition.fromConfig(config.getOptionalValue(definition.configName(), String.class).orElse(null));
  }

  private Map<String, String> stored() {
    Snapshot current = snapshot;
    Instant now = Instant.now();
    if (current == null || current.fetchedAt.plus(CACHE_TTL).isBefore(now)) {
      current = new Snapshot(Map.copyOf(store.all()), now);
      snapshot = current;
    }
    return current.stored;
  }

  private void forgetAfterCommit() {
    snapshot = null;
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              snapshot = null;
            }
          }
        });
  }
}
