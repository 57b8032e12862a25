package org.cloudworkspace.files.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.cloudworkspace.common.crypto.DataEncryption;
import org.junit.jupiter.api.Test;

class LinkSessionsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final LinkSessions sessions = sessions("a secret of at least thirty-two characters!!");

  private static LinkSessions sessions(String secret) {
    LinkSessions sessions = new LinkSessions();
    sessions.encryption = new DataEncryption(secret);
    return sessions;
  }

  private static FileShare link(String password) {
    String token = LinkTokens.newToken();
    return FileShare.link("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        SharePermission.READ, LinkTokens.hash(token), "sealed", password, null, NOW);
  }

  @Test
  void aSessionOpensItsLinkUntilItEnds() {
    FileShare link = link("$argon2id$hash");
    String session = sessions.issue(link, NOW);
    assertThat(session).matches("[A-Za-z0-9_-]+");
    assertThat(sessions.valid(link, session, NOW.plusSeconds(60))).isTrue();
    assertThat(sessions.valid(link, session, NOW.plus(LinkSessions.LIFETIME))).isFalse();
  }

  @Test
  void aPasswordChangeEndsEverySession() {
    FileShare link = link("$argon2id$old");
    String session = sessions.issue(link, NOW);
    link.changePassword("$argon2id$new", NOW);
    assertThat(sessions.valid(link, session, NOW)).isFalse();
    assertThat(sessions.valid(link, sessions.issue(link, NOW), NOW)).isTrue();
  }

  @Test
  void aSessionOpensNoOtherLinkAndCannotBeForged() {
    FileShare link = link("$argon2id$x");
    FileShare other = link("$argon2id$x");
    String session = sessions.issue(link, NOW);
    assertThat(sessions.valid(other, session, NOW)).isFalse();
    char last = session.charAt(session.length() - 2);
    String altered = session.substring(0, session.length() - 2) + (last == 'A' ? 'B' : 'A')
        + session.charAt(session.length() - 1);
    assertThat(sessions.valid(link, altered, NOW)).isFalse();
    assertThat(sessions("another secret of at least thirty-two characters").valid(link, session, NOW)).isFalse();
    assertThat(sessions.valid(link, null, NOW)).isFalse();
    assertThat(sessions.valid(link, "", NOW)).isFalse();
    assertThat(sessions.valid(link, "not base64 !!", NOW)).isFalse();
  }

  @Test
  void tokensCarry192RandomBitsInUrlSafeCharacters() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = LinkTokens.newToken();
      assertThat(token).hasSize(32).matches("[A-Za-z0-9_-]{32}");
      assertThat(LinkTokens.wellFormed(token)).isTrue();
      tokens.add(token);
    }
    assertThat(tokens).hasSize(1000);
    assertThat(LinkTokens.wellFormed("../../etc/passwd")).isFalse();
    assertThat(LinkTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
