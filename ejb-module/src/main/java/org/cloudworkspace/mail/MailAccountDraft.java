package org.cloudworkspace.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cloudworkspace.common.error.DomainException;

/**
 * The settings of an account as a user entered them, checked: every rule broken is reported at once as a field error.
 * The IMAP password may be null on an update (the stored one is kept); an SMTP server without username needs no sign-in.
 */
public record MailAccountDraft(
    String displayName, String email, MailServer imap, MailServer smtp, String signature) {

  private static final Pattern HOST =
      Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
          + "|\\[?[0-9A-Fa-f:.]+\\]?");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\",;:\\\\\\[\\]]{1,64}@[A-Za-z0-9.-]{1,253}");

  /** A server as the request gave it, before checks; {@code security} as the API names it. */
  public record RawServer(String host, Integer port, String security, String username, String password) {}

  /**
   * Checks the request. {@code passwordsRequired} is false for an update, where an absent password keeps the stored
   * one.
   */
  public static MailAccountDraft of(String displayName, String email, RawServer imap, RawServer smtp,
      String signature, List<String> allowedModes, boolean passwordsRequired) {
    List<DomainException.FieldError> errors = new ArrayList<>();
    String name = text(displayName, "displayName", 200, true, errors);
    String address = text(email, "email", 320, true, errors);
    if (address != null && !EMAIL.matcher(address).matches()) {
      errors.add(new DomainException.FieldError("email", "Enter an e-mail address such as ada@example.org."));
    }
    MailServer imapServer = server("imap", imap, allowedModes, true, passwordsRequired, errors);
    MailServer smtpServer = server("smtp", smtp, allowedModes, false, passwordsRequired, errors);
    String sig = signature == null || signature.isBlank() ? null : signature.strip();
    if (sig != null && sig.length() > 4000) {
      errors.add(new DomainException.FieldError("signature", "A signature is at most 4000 characters."));
    }
    if (!errors.isEmpty()) {
      String detail = errors.size() == 1
          ? errors.get(0).message()
          : "The account has " + errors.size() + " invalid fields: "
              + String.join(", ", errors.stream().map(DomainException.FieldError::field).toList()) + ".";
      throw new DomainException(DomainException.Kind.INVALID_INPUT, "Invalid input", detail, errors);
    }
    return new MailAccountDraft(name, address, imapServer, smtpServer, sig);
  }

  private static MailServer server(String prefix, RawServer raw, List<String> allowedModes, boolean imap,
      boolean passwordsRequired, List<DomainException.FieldError> errors) {
    if (raw == null) {
      errors.add(new DomainException.FieldError(prefix, "Give the " + prefix.toUpperCase(Locale.ROOT) + " server."));
      return null;
    }
    String host = text(raw.host(), prefix + ".host", 253, true, errors);
    if (host != null && !HOST.matcher(host).matches()) {
      errors.add(new DomainException.FieldError(prefix + ".host", "Enter a host name such as mail.example.org."));
    }
    Integer port = raw.port();
    if (port == null || port < 1 || port > 65535) {
      errors.add(new DomainException.FieldError(prefix + ".port", "Use a port from 1 to 65535."));
    }
    MailSecurity security = MailSecurity.fromApi(raw.security()).orElse(null);
    if (security == null) {
      errors.add(new DomainException.FieldError(prefix + ".security", "Use tls, starttls or none."));
    } else if (!allowedModes.contains(security.settingName())) {
      errors.add(new DomainException.FieldError(prefix + ".security",
          "The administrator does not allow " + security.apiName() + " connections; allowed: "
              + String.join(", ", allowedModes.stream().map(MailAccountDraft::apiNameOf).toList()) + "."));
    }
    String username = text(raw.username(), prefix + ".username", 320, imap, errors);
    String password = raw.password();
    if (password != null && (password.isEmpty() || password.length() > 1000 || password.indexOf('\r') >= 0
        || password.indexOf('\n') >= 0 || password.indexOf('\0') >= 0)) {
      errors.add(new DomainException.FieldError(prefix + ".password",
          "A password is 1 to 1000 characters without line breaks."));
      password = null;
    } else if (password == null && username != null && passwordsRequired) {
      errors.add(new DomainException.FieldError(prefix + ".password", "Give the password."));
    }
    if (!imap && username == null) {
      password = null;
    }
    return new MailServer(host, port == null ? 0 : port, security, username, password);
  }

  private static String apiNameOf(String settingName) {
    return "ssl".equals(settingName) ? "tls" : settingName;
  }

  private static String text(String value, String field, int max, boolean required,
      List<DomainException.FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new DomainException.FieldError(field, "Fill in " + field + "."));
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      errors.add(new DomainException.FieldError(field, field + " is at most " + max + " characters."));
      return null;
    }
    if (stripped.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      errors.add(new DomainException.FieldError(field, field + " cannot contain control characters or line breaks."));
      return null;
    }
    return stripped;
  }

  /** The same settings with the passwords taken from {@code stored} where this draft has none. */
  MailAccountDraft withPasswordsFrom(String imapPassword, String smtpPassword) {
    MailServer i = imap.password() != null ? imap
        : new MailServer(imap.host(), imap.port(), imap.security(), imap.username(), imapPassword);
    MailServer s = smtp.username() == null || smtp.password() != null ? smtp
        : new MailServer(smtp.host(), smtp.port(), smtp.security(), smtp.username(), smtpPassword);
    return new MailAccountDraft(displayName, email, i, s, signature);
  }
}
