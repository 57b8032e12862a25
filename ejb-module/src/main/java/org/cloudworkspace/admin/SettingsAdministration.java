package org.cloudworkspace.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.config.SecretsCheck;
import org.cloudworkspace.common.settings.SettingDefinition;
import org.cloudworkspace.common.settings.SettingsCatalog;
import org.cloudworkspace.common.settings.SettingsService;

/** Admins read and change the run-time settings; changes are audited with before and after. */
@Stateless
public class SettingsAdministration {

  @Inject SettingsService settings;

  @Inject UserDirectory users;

  @Inject AuditLog audit;

  /** Whether a secret is configured; never its value. */
  public record SecretState(String name, boolean set) {}

  /**
   * How a setting is edited, for forms driven by the catalog: its kind ({@code number}, {@code boolean}, {@code url},
   * {@code text}, {@code list}, {@code choices}), what it means, its limits ({@code min}/{@code max} for numbers,
   * {@code max} items for lists), its choices, the pattern texts must match, and the environment variable of its
   * default. Absent rules are null.
   */
  public record SettingInfo(
      String name, String kind, String description, Long min, Long max, List<String> choices, String pattern,
      String environmentVariable) {

    static SettingInfo of(SettingDefinition d) {
      boolean number = d.kind() == SettingDefinition.Kind.NUMBER;
      boolean list = d.kind() == SettingDefinition.Kind.LIST;
      return new SettingInfo(
          d.name(),
          d.kind().name().toLowerCase(Locale.ROOT),
          d.description(),
          number ? d.min() : null,
          number || list ? d.max() : null,
          d.choices() == null || d.choices().isEmpty() ? null : d.choices().stream().sorted().toList(),
          d.pattern() == null ? null : d.pattern().pattern(),
          d.configName());
    }
  }

  /** Every setting's value, its default, which secrets are set, and the catalog describing each setting. */
  public record Overview(
      Map<String, Object> values, Map<String, Object> defaults, List<SecretState> secrets,
      List<SettingInfo> catalog) {}

  public Overview overview() {
    return new Overview(
        settings.values(),
        settings.defaults(),
        SecretsCheck.SECRET_NAMES.stream().map(n -> new SecretState(n, settings.isConfigured(n))).toList(),
        SettingsCatalog.definitions().stream().map(SettingInfo::of).toList());
  }

  /** Validates and applies a change (setting name → value, null for the default); audits what changed. */
  public Overview change(String actorId, Map<String, ?> patch, ClientInfo client) {
    UserAccount actor = users.require(actorId);
    List<SettingsService.Change> changes = settings.update(patch, actor.username());
    if (!changes.isEmpty()) {
      audit.record(
          AuditType.ADMIN_SETTINGS_CHANGE, AuditOutcome.SUCCESS, actor.id(), actor.username(), "settings", client,
          changes.stream()
              .map(c -> c.name() + ": " + c.before() + " -> " + c.after())
              .collect(Collectors.joining("; ")));
    }
    return overview();
  }
}
