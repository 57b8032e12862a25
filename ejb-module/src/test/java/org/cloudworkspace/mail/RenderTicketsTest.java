package org.cloudworkspace.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signed tickets of the message frame. */
class RenderTicketsTest {

  private final RenderTickets tickets = new RenderTickets("a-mail-credentials-key-of-at-least-32-chars");

  @Test
  void aTicketGrantsWhatItWasIssuedFor() {
    RenderTickets.Grant grant = new RenderTickets.Grant("user-1", 7, "Folder/With\nOdd", 42, true);
    assertThat(tickets.verify(tickets.issue(grant))).contains(grant);
  }

  @Test
  void alteredOrForeignTicketsAreRefused() {
    String ticket = tickets.issue(new RenderTickets.Grant("user-1", 7, "INBOX", 42, false));
    String body = ticket.substring(0, ticket.indexOf('.'));
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8)
            .replace("user-1", "user-2").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(tickets.verify(forged + ticket.substring(ticket.indexOf('.')))).isEmpty();
    assertThat(new RenderTickets("another-key-another-key-another-key").verify(ticket)).isEmpty();
    assertThat(tickets.verify("garbage")).isEmpty();
    assertThat(tickets.verify(null)).isEmpty();
  }
}
