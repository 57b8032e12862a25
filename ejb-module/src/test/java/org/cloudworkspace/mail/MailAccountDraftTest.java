package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cloudworkspace.common.error.DomainException;
import org.junit.jupiter.api.Test;

/** Validation of account settings. */
class MailAccountDraftTest {

  private static final List<String> ALL = List.of("ssl", "starttls", "none");

  private static MailAccountDraft.RawServer imap(String host, Integer port, String security, String password) {
    return new MailAccountDraft.RawServer(host, port, security, "ada", password);
  }

  @Test
  void acceptsAValidAccountAndMapsTls() {
    MailAccountDraft d = MailAccountDraft.of(" Ada ", "ada@example.org", imap("imap.example.org", 993, "TLS", "pw"),
        new MailAccountDraft.RawServer("smtp.example.org", 587, "starttls", null, null), null, ALL, true);
    assertThat(d.displayName()).isEqualTo("Ada");
    assertThat(d.imap().security()).isEqualTo(MailSecurity.TLS);
    assertThat(d.smtp().username()).isNull();
    assertThat(d.smtp().password()).isNull();
  }

  @Test
  void reportsEveryInvalidFieldAndDisallowedModes() {
    assertThatThrownBy(() -> MailAccountDraft.of("", "nope", imap("bad host", 0, "plain", null),
        new MailAccountDraft.RawServer("smtp.example.org", 25, "none", "ada", "pw\r\nx"), null,
        List.of("ssl", "starttls"), true))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldErrors())
            .extracting(DomainException.FieldError::field)
            .contains("displayName", "email", "imap.host", "imap.port", "imap.security", "imap.password",
                "smtp.security", "smtp.password"));
  }

  @Test
  void controlCharactersInHostsAreRefused() {
    assertThatThrownBy(() -> MailAccountDraft.of("Ada", "ada@example.org", imap("imap.exa\r\nmple.org", 993, "tls",
        "pw"), new MailAccountDraft.RawServer("smtp.example.org", 465, "tls", null, null), null, ALL, true))
        .isInstanceOf(DomainException.class);
  }
}
