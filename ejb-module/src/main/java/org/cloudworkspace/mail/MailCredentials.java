package org.cloudworkspace.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cloudworkspace.common.crypto.DataEncryption;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts mail passwords with AES-256-GCM under {@code MAIL_CREDENTIALS_KEY} (a fresh nonce each time, the purpose
 * bound as associated data). During a key rotation {@code MAIL_CREDENTIALS_KEY_PREVIOUS} still decrypts what the old
 * key sealed, until {@link MailCredentialRotation} has re-encrypted it.
 */
@ApplicationScoped
public class MailCredentials {

  static final String IMAP = "mail.imap-password";
  static final String SMTP = "mail.smtp-password";

  private DataEncryption current;
  private DataEncryption previous;

  /** For the CDI container's proxy only. */
  protected MailCredentials() {}

  @Inject
  public MailCredentials(
      @ConfigProperty(name = "MAIL_CREDENTIALS_KEY") String key,
      @ConfigProperty(name = "MAIL_CREDENTIALS_KEY_PREVIOUS") Optional<String> previousKey) {
    this.current = new DataEncryption(key);
    this.previous = previousKey.filter(k -> !k.isBlank() && !k.equals(key)).map(DataEncryption::new).orElse(null);
  }

  /** Whether a previous key is configured (a rotation is under way). */
  public boolean hasPreviousKey() {
    return previous != null;
  }

  String seal(String password, String purpose) {
    return password == null ? null : current.encrypt(password, purpose);
  }

  /** The password, decrypted with the current key or else the previous one. */
  String open(String sealed, String purpose) {
    if (sealed == null) {
      return null;
    }
    try {
      return current.decrypt(sealed, purpose);
    } catch (RuntimeException e) {
      if (previous != null) {
        try {
          return previous.decrypt(sealed, purpose);
        } catch (RuntimeException ignored) {
          // reported below
        }
      }
      throw new CredentialsUnreadableException();
    }
  }

  /** Whether the current key opens this value (else it needs re-encrypting or cannot be read at all). */
  boolean sealedWithCurrentKey(String sealed, String purpose) {
    if (sealed == null) {
      return true;
    }
    try {
      current.decrypt(sealed, purpose);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The stored password cannot be decrypted with the configured keys. */
  public static final class CredentialsUnreadableException extends org.cloudworkspace.common.error.DomainException {
    private static final long serialVersionUID = 1L;

    CredentialsUnreadableException() {
      super(Kind.CONFLICT, "Mail password unreadable",
          "The stored mail password cannot be decrypted (MAIL_CREDENTIALS_KEY changed without"
              + " MAIL_CREDENTIALS_KEY_PREVIOUS). Enter the password again in the account settings.");
    }
  }
}
