package org.cloudworkspace.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.config.WorkspaceSettings;
import org.cloudworkspace.common.error.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin account on a workspace without users, from {@code ADMIN_USERNAME} and {@code
 * ADMIN_PASSWORD}. The password is never logged; the launcher generates a random one when none is configured and
 * prints it once on the terminal after this bean left a marker in the data folder.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "SecretsCheck"})
public class AdminBootstrap {

  /** Marker file in the data folder: the first admin was created by this start. */
  public static final String MARKER = "bootstrap-admin-created";

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject UserDirectory users;

  @Inject AuditLog audit;

  @Inject WorkspaceSettings workspace;

  @Inject
  @ConfigProperty(name = "ADMIN_USERNAME", defaultValue = "admin")
  String adminUsername;

  @Inject
  @ConfigProperty(name = "ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "ADMIN_EMAIL")
  Optional<String> adminEmail;

  @PostConstruct
  void createFirstAdmin() {
    if (users.count() > 0) {
      return;
    }
    String password = adminPassword.map(String::trim).filter(p -> !p.isEmpty()).orElse(null);
    if (password == null) {
      String message =
          "The workspace has no users yet and ADMIN_PASSWORD is not set: set ADMIN_USERNAME and ADMIN_PASSWORD for"
              + " the first start, or start with liberty-config/bin/workspace, which generates a password.";
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
    UserAccount admin;
    try {
      admin = users.create(adminUsername, adminEmail.orElse(null), "Administrator", Role.ADMIN, password);
    } catch (DomainException e) {
      String message = "Cannot create the first admin from ADMIN_USERNAME/ADMIN_PASSWORD: " + e.getMessage();
      LOG.severe(message);
      throw new IllegalStateException(message, e);
    }
    audit.record(
        AuditType.ADMIN_BOOTSTRAP, AuditOutcome.SUCCESS, admin.id(), admin.username(), admin.username(),
        ClientInfo.system(), "first admin created at start-up");
    writeMarker(admin.username());
    LOG.info(() -> "Created the first admin account '" + admin.username() + "'");
  }

  private void writeMarker(String username) {
    try {
      Path dir = workspace.dataDir();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, MARKER, ".tmp");
      Files.writeString(tmp, username + " " + Instant.now() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.warning("Could not write " + MARKER + " in the data folder: " + e.getMessage());
    }
  }
}
