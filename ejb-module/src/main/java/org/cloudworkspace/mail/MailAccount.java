package org.cloudworkspace.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One IMAP/SMTP account of a user. The passwords are stored only as AES-GCM ciphertexts ({@link MailCredentials});
 * this entity never holds or returns them in plain text.
 */
@Entity
@Table(name = "mail_account")
public class MailAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_account_seq")
  @SequenceGenerator(name = "mail_account_seq", sequenceName = "mail_account_seq", allocationSize = 50)
  private Long id;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String email;

  @Column(name = "imap_host", nullable = false)
  private String imapHost;

  @Column(name = "imap_port", nullable = false)
  private int imapPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "imap_security", nullable = false)
  private MailSecurity imapSecurity;

  @Column(name = "imap_username", nullable = false)
  private String imapUsername;

  @Column(name = "imap_password", nullable = false)
  private String imapPasswordSealed;

  @Column(name = "smtp_host", nullable = false)
  private String smtpHost;

  @Column(name = "smtp_port", nullable = false)
  private int smtpPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "smtp_security", nullable = false)
  private MailSecurity smtpSecurity;

  @Column(name = "smtp_username")
  private String smtpUsername;

  @Column(name = "smtp_password")
  private String smtpPasswordSealed;

  @Column
  private String signature;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MailAccount() {}

  MailAccount(String ownerId, MailAccountDraft draft, String imapPasswordSealed, String smtpPasswordSealed,
      Instant now) {
    this.ownerId = Objects.requireNonNull(ownerId);
    this.createdAt = now;
    apply(draft, imapPasswordSealed, smtpPasswordSealed, now);
  }

  /** Replaces every setting; sealed passwords as {@link MailCredentials} produced them (SMTP's may be null). */
  void apply(MailAccountDraft draft, String imapSealed, String smtpSealed, Instant now) {
    this.displayName = draft.displayName();
    this.email = draft.email();
    this.imapHost = draft.imap().host();
    this.imapPort = draft.imap().port();
    this.imapSecurity = draft.imap().security();
    this.imapUsername = draft.imap().username();
    this.imapPasswordSealed = Objects.requireNonNull(imapSealed);
    this.smtpHost = draft.smtp().host();
    this.smtpPort = draft.smtp().port();
    this.smtpSecurity = draft.smtp().security();
    this.smtpUsername = draft.smtp().username();
    this.smtpPasswordSealed = smtpSealed;
    this.signature = draft.signature();
    this.updatedAt = now;
  }

  /** Stores passwords re-encrypted under the current key (key rotation). */
  void reseal(String imapSealed, String smtpSealed) {
    this.imapPasswordSealed = Objects.requireNonNull(imapSealed);
    this.smtpPasswordSealed = smtpSealed;
  }

  public long id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public String imapHost() {
    return imapHost;
  }

  public int imapPort() {
    return imapPort;
  }

  public MailSecurity imapSecurity() {
    return imapSecurity;
  }

  public String imapUsername() {
    return imapUsername;
  }

  String imapPasswordSealed() {
    return imapPasswordSealed;
  }

  public String smtpHost() {
    return smtpHost;
  }

  public int smtpPort() {
    return smtpPort;
  }

  public MailSecurity smtpSecurity() {
    return smtpSecurity;
  }

  /** Null when the SMTP server takes mail without signing in. */
  public String smtpUsername() {
    return smtpUsername;
  }

  String smtpPasswordSealed() {
    return smtpPasswordSealed;
  }

  public boolean smtpAuth() {
    return smtpUsername != null;
  }

  public String signature() {
    return signature;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
