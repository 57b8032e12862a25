package org.cloudworkspace.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.settings.SettingsService;

/**
 * The password rules of ASVS level 2: at least 8 characters (more when the {@code passwords.minLength} setting says
 * so), up to 1024 accepted, no composition rules, and none of the 100,000 most common passwords (the ranked list
 * shipped with nbvcxz) nor the username itself.
 */
@ApplicationScoped
public class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;
  private static final String COMMON_PASSWORDS = "/dictionaries/passwords.txt";

  private volatile Set<String> common;

  @Inject SettingsService settings;

  /** Refuses a password that breaks a rule, naming the field and the rule. */
  public void check(String field, String password, String username) {
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException(field, "Enter a password.");
    }
    int length = password.codePointCount(0, password.length());
    int minLength = minLength();
    if (length < minLength) {
      throw new InvalidInputException(field, "Use at least " + minLength + " characters.");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidInputException(field, "Use at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException(field, "The password must not be the username.");
    }
    if (commonPasswords().contains(lower)) {
      throw new InvalidInputException(
          field, "This password is one of the most commonly used ones and easy to guess. Choose another.");
    }
  }

  /** The shortest password accepted now: the setting, never less than {@value #MIN_LENGTH}. */
  public int minLength() {
    return settings == null ? MIN_LENGTH : Math.max(MIN_LENGTH, settings.passwordMinLength());
  }

  private Set<String> commonPasswords() {
    Set<String> set = common;
    if (set == null) {
      set = load();
      common = set;
    }
    return set;
  }

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
      if (in == null) {
        throw new IllegalStateException("The common-password list " + COMMON_PASSWORDS + " is missing");
      }
      Set<String> set = new HashSet<>(200_000);
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          String word = line.trim();
          if (word.length() >= MIN_LENGTH) {
            set.add(word.toLowerCase(Locale.ROOT));
          }
        }
      }
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
