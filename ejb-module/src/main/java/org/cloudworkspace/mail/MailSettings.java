package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.cloudworkspace.common.settings.SettingsService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mail context's configuration (environment variables) and run-time settings. */
@ApplicationScoped
public class MailSettings {

  @Inject
  @ConfigProperty(name = "MAIL_CONNECT_TIMEOUT_SECONDS", defaultValue = "10")
  int connectTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "MAIL_READ_TIMEOUT_SECONDS", defaultValue = "30")
  int readTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "MAIL_POOL_IDLE_SECONDS", defaultValue = "300")
  int poolIdleSeconds;

  @Inject
  @ConfigProperty(name = "MAIL_POOL_MAX_PER_ACCOUNT", defaultValue = "3")
  int poolMaxPerAccount;

  @Inject
  @ConfigProperty(name = "MAIL_MAX_ATTACHMENT_BYTES", defaultValue = "26214400")
  long maxAttachmentBytes;

  @Inject
  @ConfigProperty(name = "MAIL_ALLOWED_INTERNAL_HOSTS", defaultValue = " ")
  String allowedInternalHosts;

  @Inject SettingsService settings;

  public int connectTimeoutMillis() {
    return Math.max(1, connectTimeoutSeconds) * 1000;
  }

  public int readTimeoutMillis() {
    return Math.max(1, readTimeoutSeconds) * 1000;
  }

  public long poolIdleMillis() {
    return Math.max(5, poolIdleSeconds) * 1000L;
  }

  public int poolMaxPerAccount() {
    return Math.max(1, poolMaxPerAccount);
  }

  /** The largest total size of a message's attachments, and of one upload. */
  public long maxAttachmentBytes() {
    return Math.max(1, maxAttachmentBytes);
  }

  /** The address policy for mail servers, from {@code MAIL_ALLOWED_INTERNAL_HOSTS}. */
  public MailHostPolicy hostPolicy() {
    return MailHostPolicy.parse(allowedInternalHosts);
  }

  /** Security modes the admin allows, as the setting names them ({@code ssl}, {@code starttls}, {@code none}). */
  public List<String> allowedSecurityModes() {
    return settings.mailAllowedSecurityModes();
  }
}
