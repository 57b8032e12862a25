package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenAccountsTest {

  private final AtomicInteger reads = new AtomicInteger();

  private final MailAccounts database = new MailAccounts() {
    @Override
    public OpenAccount open(String ownerId, long id) {
      reads.incrementAndGet();
      if (!"u1".equals(ownerId)) {
        throw new MailAccountNotFoundException(id, true);
      }
      return new OpenAccount(id, "u1", "Ada", "ada@example.org", null,
          new MailServer("127.0.0.1", 143, MailSecurity.NONE, "ada", "pw-" + reads.get()),
          new MailServer("127.0.0.1", 25, MailSecurity.NONE, null, null));
    }
  };

  private final OpenAccounts accounts = OpenAccounts.of(database, MailboxTest.settings("127.0.0.1/32"));

  @Test
  void anAccountIsReadOnceAndThenServedFromMemory() {
    OpenAccount first = accounts.open("u1", 7);
    assertThat(accounts.open("u1", 7)).isSameAs(first);
    assertThat(reads).hasValue(1);
  }

  @Test
  void someoneElsesAccountAlwaysGoesToTheDatabaseAndIsRefused() {
    accounts.open("u1", 7);
    assertThatThrownBy(() -> accounts.open("u2", 7)).isInstanceOf(MailAccountNotFoundException.class);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aChangedAccountIsReadAgain() {
    OpenAccount before = accounts.open("u1", 7);
    accounts.forget(7);
    OpenAccount after = accounts.open("u1", 7);
    assertThat(after.imap().password()).isNotEqualTo(before.imap().password());
    assertThat(reads).hasValue(2);
    assertThat(accounts.evictExpired()).isZero();
  }
}
