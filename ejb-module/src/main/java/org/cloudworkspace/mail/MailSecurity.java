package org.cloudworkspace.mail;

import java.util.Locale;
import java.util.Optional;

/** How a connection to a mail server is protected. */
public enum MailSecurity {
  /** TLS from the first byte (IMAPS 993, SMTPS 465). */
  TLS("tls", "ssl"),
  /** Plain connection upgraded with STARTTLS, required (IMAP 143, submission 587). */
  STARTTLS("starttls", "starttls"),
  /** No encryption; only when the {@code mail.allowedSecurityModes} setting allows it. */
  NONE("none", "none");

  private final String apiName;
  private final String settingName;

  MailSecurity(String apiName, String settingName) {
    this.apiName = apiName;
    this.settingName = settingName;
  }

  /** The name in the API: {@code tls}, {@code starttls} or {@code none}. */
  public String apiName() {
    return apiName;
  }

  /** The name in the {@code mail.allowedSecurityModes} setting ({@code ssl} stands for TLS there). */
  public String settingName() {
    return settingName;
  }

  public static Optional<MailSecurity> fromApi(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    for (MailSecurity s : values()) {
      if (s.apiName.equals(lower)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
