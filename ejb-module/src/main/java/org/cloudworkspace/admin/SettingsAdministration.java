package org.cloudworkspace.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cloudworkspace.auth.UserAccount;
import org.cloudworkspace.auth.UserDirectory;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.config.SecretsCheck;
import org.cloudworkspace.common.settings.SettingsService;

/** Admins read and change the run-time settings; changes are audited with before and after. */
@Stateless
public class SettingsAdministration {

  @Inject SettingsService settings;

  @Inject UserDirectory users;

  @Inject AuditLog audit;

  /** Whether a secret is configured; never its value. */
  public record SecretState(String name, boolean set) {}

  /** Every setting's value, its default, and which secrets are set. */
  public record Overview(Map<String, Object> values, Map<String, Object> defaults, List<SecretState> secrets) {}

  public Overview overview() {
    return new Overview(
        settings.values(),
        settings.defaults(),
        SecretsCheck.SECRET_NAMES.stream().map(n -> new SecretState(n, settings.isConfigured(n))).toList());
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
