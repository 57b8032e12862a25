package org.cloudworkspace.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw path forms refused before anything reads the path, and the encoded '#' that is an ordinary character. */
class EncodedPathFilterTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/files/%2e%2e/x", "/api/files/%2E%2E/x", "/dav/files/a/%2fetc", "/dav/files/a/b%2Fc", "/dav/files/a/%5cx",
      "/dav/files/a/b%5Cc", "/dav/files/a/b\\c", "/dav/files/a/b#c", "/dav/files/a/%2e"})
  void encodedDotsSlashesBackslashesAndFragmentsAreRefused(String path) {
    assertThat(EncodedPathFilter.refused(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/dav/files/a/Invoice%20%2312.pdf", "/api/files/folders/root/files/C%23%20notes.txt", "/dav/files/a/%23",
      "/api/files/folders/root/files/caf%C3%A9.txt", "/dav/files/a/x%25y", "/dav/files/a/2e.txt", "/",
      "/api/files/root"})
  void everythingElseIncludingAnEncodedHashPasses(String path) {
    assertThat(EncodedPathFilter.refused(path)).isFalse();
  }
}
