package org.cloudworkspace.common.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudworkspace.common.error.DomainException;

/** Every run-time setting of the workspace, with its rules and the environment variable of its default. */
public final class SettingsCatalog {

  public static final String DEFAULT_QUOTA_BYTES = "files.defaultQuotaBytes";
  public static final String TRASH_RETENTION_DAYS = "files.trashRetentionDays";
  public static final String VERSION_RETENTION_DAYS = "files.versionRetentionDays";
  public static final String PASSWORD_MIN_LENGTH = "passwords.minLength";
  public static final String SHARE_PASSWORD_REQUIRED = "shares.passwordRequired";
  public static final String SHARE_MAX_EXPIRY_DAYS = "shares.maxExpiryDays";
  public static final String OFFICE_PUBLIC_URL = "office.publicUrl";
  public static final String OFFICE_INTERNAL_URL = "office.internalUrl";
  public static final String OFFICE_APP_PUBLIC_URL = "office.appPublicUrl";
  public static final String OFFICE_JWT_HEADER = "office.jwtHeader";
  public static final String IDE_APPROVED_IMAGES = "ide.approvedImages";
  public static final String IDE_MAX_WORKSPACES = "ide.maxWorkspacesPerUser";
  public static final String IDE_MEMORY_MB = "ide.memoryMb";
  public static final String IDE_CPUS = "ide.cpus";
  public static final String IDE_IDLE_TIMEOUT_MINUTES = "ide.idleTimeoutMinutes";
  public static final String MAIL_SECURITY_MODES = "mail.allowedSecurityModes";
  public static final String INVENTORY_URL = "inventory.url";
  public static final String REQUIRE_2FA_ADMINS = "security.require2faForAdmins";
  public static final String REQUIRE_2FA_EVERYONE = "security.require2faForEveryone";
  public static final String AUDIT_RETENTION_DAYS = "audit.retentionDays";

  private static final long TIB = 1024L * 1024 * 1024 * 1024;

  private static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.number(DEFAULT_QUOTA_BYTES, 0, 1024 * TIB, "FILES_DEFAULT_QUOTA_BYTES", 10L << 30,
              "Storage quota of users without one of their own, in bytes"),
          SettingDefinition.number(TRASH_RETENTION_DAYS, 0, 3650, "FILES_TRASH_RETENTION_DAYS", 30,
              "Days deleted files stay in the trash; 0 keeps them until the user empties it"),
          SettingDefinition.number(VERSION_RETENTION_DAYS, 0, 3650, "FILES_VERSIONS_MAX_AGE_DAYS", 90,
              "Days earlier versions of a file are kept; 0 keeps them regardless of age"),
          SettingDefinition.number(PASSWORD_MIN_LENGTH, 8, 128, "PASSWORD_MIN_LENGTH", 8,
              "Shortest password accepted, in characters (common passwords are always refused)"),
          SettingDefinition.bool(SHARE_PASSWORD_REQUIRED, "SHARES_PASSWORD_REQUIRED", false,
              "Whether every share link needs a password"),
          SettingDefinition.number(SHARE_MAX_EXPIRY_DAYS, 0, 3650, "SHARES_MAX_EXPIRY_DAYS", 0,
              "Longest lifetime of a share link in days; 0 allows links without expiry"),
          SettingDefinition.url(OFFICE_PUBLIC_URL, "ONLYOFFICE_URL",
              "Document Server address as browsers reach it"),
          SettingDefinition.url(OFFICE_INTERNAL_URL, "ONLYOFFICE_INTERNAL_URL",
              "Document Server address as the app reaches it"),
          SettingDefinition.url(OFFICE_APP_PUBLIC_URL, "WORKSPACE_PUBLIC_URL",
              "The app's address as the Document Server reaches it"),
          SettingDefinition.text(OFFICE_JWT_HEADER, "[A-Za-z][A-Za-z0-9-]{0,63}", "ONLYOFFICE_JWT_HEADER",
              "Authorization", "HTTP header carrying the Document Server's JWT"),
          SettingDefinition.list(IDE_APPROVED_IMAGES, "[a-z0-9][a-z0-9._/:@-]{0,254}", 50, "IDE_APPROVED_IMAGES",
              "Container images users may start IDE workspaces from"),
          SettingDefinition.number(IDE_MAX_WORKSPACES, 0, 50, "IDE_MAX_WORKSPACES_PER_USER", 2,
              "IDE workspaces one user may run at once"),
          SettingDefinition.number(IDE_MEMORY_MB, 128, 65536, "IDE_MEMORY_MB", 2048,
              "Memory limit of one IDE workspace in MiB"),
          SettingDefinition.number(IDE_CPUS, 1, 64, "IDE_CPUS", 2, "CPU limit of one IDE workspace"),
          SettingDefinition.number(IDE_IDLE_TIMEOUT_MINUTES, 5, 10080, "IDE_IDLE_TIMEOUT_MINUTES", 60,
              "Minutes without use after which an IDE workspace stops"),
          SettingDefinition.choices(MAIL_SECURITY_MODES, Set.of("ssl", "starttls", "none"),
              "MAIL_ALLOWED_SECURITY_MODES", "ssl\nstarttls", "Connection security users may choose for mail accounts"),
          SettingDefinition.url(INVENTORY_URL, "INVENTORY_PRO_URL", "InventoryPro address"),
          SettingDefinition.bool(REQUIRE_2FA_ADMINS, "SECURITY_REQUIRE_2FA_ADMINS", false,
              "Admins must set up two-factor sign-in"),
          SettingDefinition.bool(REQUIRE_2FA_EVERYONE, "SECURITY_REQUIRE_2FA_EVERYONE", false,
              "Everyone must set up two-factor sign-in"),
          SettingDefinition.number(AUDIT_RETENTION_DAYS, 0, 36500, "AUDIT_RETENTION_DAYS", 365,
              "Days audit events are kept (purged daily); 0 keeps them forever"));

  private static final Map<String, SettingDefinition> BY_NAME = index();

  private SettingsCatalog() {}

  private static Map<String, SettingDefinition> index() {
    Map<String, SettingDefinition> map = new LinkedHashMap<>();
    DEFINITIONS.forEach(d -> map.put(d.name(), d));
    return map;
  }

  /** Every setting, in display order. */
  public static List<SettingDefinition> definitions() {
    return DEFINITIONS;
  }

  public static Optional<SettingDefinition> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * Checks a change request (setting name → new value; null resets to the default) and returns the stored texts
   * (empty for a reset). Every invalid or unknown setting is reported at once, as field errors named after it.
   */
  public static Map<String, Optional<String>> validate(Map<String, ?> patch) {
    Map<String, Optional<String>> parsed = new LinkedHashMap<>();
    List<DomainException.FieldError> errors = new ArrayList<>();
    if (patch == null || patch.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.INVALID_INPUT, "Invalid input", "Send at least one setting to change.",
          List.of(new DomainException.FieldError("body", "Send at least one setting to change.")));
    }
    patch.forEach(
        (name, value) -> {
          SettingDefinition definition = BY_NAME.get(name);
          if (definition == null) {
            errors.add(new DomainException.FieldError(name, "There is no setting " + name + "."));
          } else if (value == null) {
            parsed.put(name, Optional.empty());
          } else {
            try {
              parsed.put(name, Optional.of(definition.parse(value)));
            } catch (SettingDefinition.InvalidValue e) {
              errors.add(new DomainException.FieldError(name, e.getMessage()));
            }
          }
        });
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : "The request has " + errors.size() + " invalid settings.";
      throw new DomainException(DomainException.Kind.INVALID_INPUT, "Invalid input", detail, errors);
    }
    return parsed;
  }
}
