package org.cloudworkspace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ticket values: format, entropy, hashing, and the redirect address that carries them. */
class SsoTicketsTest {

  @Test
  void aTicketIsTheCasPrefixAnd256RandomBitsInBase64url() {
    String ticket = SsoTickets.newTicket();
    assertThat(ticket).startsWith("ST-").matches(SsoTickets.TICKET_SHAPE.pattern());
    byte[] random = Base64.getUrlDecoder().decode(ticket.substring(3));
    assertThat(random).hasSize(32);
    assertThat(random.length * 8).isGreaterThanOrEqualTo(128);
  }

  @Test
  void ticketsDoNotRepeatAndUseEveryBit() {
    Set<String> seen = new HashSet<>();
    int[] ones = new int[256];
    int count = 2000;
    for (int i = 0; i < count; i++) {
      String ticket = SsoTickets.newTicket();
      assertThat(seen.add(ticket)).isTrue();
      byte[] bytes = Base64.getUrlDecoder().decode(ticket.substring(3));
      for (int bit = 0; bit < 256; bit++) {
        if ((bytes[bit / 8] >> (bit % 8) & 1) == 1) {
          ones[bit]++;
        }
      }
    }
    for (int bit = 0; bit < 256; bit++) {
      // Each bit is set about half the time (binomial, n=2000: mean 1000, sd ~22; 8 sd is far beyond chance).
      assertThat(ones[bit]).as("bit %d", bit).isBetween(820, 1180);
    }
  }

  @Test
  void onlyTheSha256OfATicketIsStored() {
    String ticket = SsoTickets.newTicket();
    assertThat(SsoTickets.hash(ticket)).matches("[0-9a-f]{64}").doesNotContain(ticket.substring(3));
    assertThat(SsoTickets.hash(ticket)).isEqualTo(SsoTickets.hash(ticket));
  }

  @Test
  void theRedirectCarriesTicketAndServiceEncoded() {
    assertThat(SsoTickets.redirectUrl("https://inv.example.org/sso/login", "ST-abc_-", "https://inv.example.org"))
        .isEqualTo("https://inv.example.org/sso/login?ticket=ST-abc_-&service=https%3A%2F%2Finv.example.org");
    assertThat(SsoTickets.redirectUrl("https://inv.example.org/login?lang=en", "ST-x", "https://inv.example.org"))
        .startsWith("https://inv.example.org/login?lang=en&ticket=ST-x&service=");
  }
}
