package org.cloudworkspace.common.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start the application when a secret is missing or too short. The launcher generates them for development
 * in the data folder; in production they must come from the environment, and the message names every missing one.
 */
@Singleton
@Startup
public class SecretsCheck {

  /** The secrets of the workspace, under the names the previous system used. */
  public static final List<String> SECRET_NAMES =
      List.of(
          "JWT_SECRET_KEY",
          "ONLYOFFICE_TOKEN_SECRET",
          "MAIL_CREDENTIALS_KEY",
          "INVENTORY_PRO_SHARED_SECRET",
          "APP_ENCRYPTION_KEY",
          "RUNNER_SHARED_SECRET");

  /** The shortest secret accepted, in characters. */
  public static final int MIN_SECRET_LENGTH = 32;

  private static final Logger LOG = Logger.getLogger(SecretsCheck.class.getName());

  @Inject Config config;

  @Inject WorkspaceSettings settings;

  @PostConstruct
  void check() {
    List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
    if (problems.isEmpty()) {
      LOG.info(() -> "All " + SECRET_NAMES.size() + " secrets are configured (mode " + settings.mode() + ")");
      return;
    }
    String message =
        "Cloud Workspace cannot start in "
            + settings.mode().name().toLowerCase(java.util.Locale.ROOT)
            + " mode: "
            + String.join("; ", problems)
            + (settings.mode() == WorkspaceSettings.Mode.PRODUCTION
                ? ". Set them in the environment (see README, Configuration)."
                : ". Start the workspace with liberty-config/bin/workspace, which generates them in the data folder.");
    LOG.severe(message);
    throw new IllegalStateException(message);
  }

  /** What is wrong with the configured secrets; empty when all are present and long enough. */
  static List<String> problems(Function<String, Optional<String>> lookup) {
    List<String> missing = new ArrayList<>();
    List<String> tooShort = new ArrayList<>();
    for (String name : SECRET_NAMES) {
      Optional<String> value = lookup.apply(name);
      if (value.isEmpty() || value.get().isBlank()) {
        missing.add(name);
      } else if (value.get().length() < MIN_SECRET_LENGTH) {
        tooShort.add(name);
      }
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing secrets " + String.join(", ", missing));
    }
    if (!tooShort.isEmpty()) {
      problems.add(
          "secrets shorter than " + MIN_SECRET_LENGTH + " characters: " + String.join(", ", tooShort));
    }
    return problems;
  }
}
