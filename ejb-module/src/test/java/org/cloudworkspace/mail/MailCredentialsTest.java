package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of mail passwords and opening with the previous key during a rotation. */
class MailCredentialsTest {

  private static final String OLD = "the-old-mail-credentials-key-0123456789";
  private static final String NEW = "the-new-mail-credentials-key-0123456789";

  @Test
  void sealsWithAFreshNonceAndOpensAgain() {
    MailCredentials credentials = new MailCredentials(NEW, Optional.empty());
    String a = credentials.seal("secret", MailCredentials.IMAP);
    String b = credentials.seal("secret", MailCredentials.IMAP);
    assertThat(a).isNotEqualTo(b).doesNotContain("secret");
    assertThat(credentials.open(a, MailCredentials.IMAP)).isEqualTo("secret");
    assertThatThrownBy(() -> credentials.open(a, MailCredentials.SMTP))
        .isInstanceOf(MailCredentials.CredentialsUnreadableException.class);
  }

  @Test
  void thePreviousKeyStillOpensUntilReencrypted() {
    String sealedOld = new MailCredentials(OLD, Optional.empty()).seal("secret", MailCredentials.IMAP);
    MailCredentials rotating = new MailCredentials(NEW, Optional.of(OLD));
    assertThat(rotating.hasPreviousKey()).isTrue();
    assertThat(rotating.sealedWithCurrentKey(sealedOld, MailCredentials.IMAP)).isFalse();
    assertThat(rotating.open(sealedOld, MailCredentials.IMAP)).isEqualTo("secret");
    String resealed = rotating.seal(rotating.open(sealedOld, MailCredentials.IMAP), MailCredentials.IMAP);
    assertThat(rotating.sealedWithCurrentKey(resealed, MailCredentials.IMAP)).isTrue();
    assertThatThrownBy(() -> new MailCredentials(NEW, Optional.empty()).open(sealedOld, MailCredentials.IMAP))
        .isInstanceOf(MailCredentials.CredentialsUnreadableException.class);
  }
}
