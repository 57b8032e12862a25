package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreArgon2idWithOwaspParametersAndVerify() {
    String hash = hasher.hash("correct horse battery staple");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
    assertThat(hasher.needsRehash(hash)).isFalse();
  }

  @Test
  void samePasswordGetsADifferentSaltEachTime() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void verifiesAHashMadeByTheArgon2ReferenceImplementation() {
    // echo -n password | argon2 somesaltsomesalt -id -m 10 -t 2 -p 1 -l 32 -e   (Debian package argon2)
    String reference = "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA";
    assertThat(hasher.verify("password", reference)).isTrue();
    assertThat(hasher.verify("Password", reference)).isFalse();
    assertThat(hasher.needsRehash(reference)).isTrue();
  }

  @Test
  void malformedOrForeignHashesNeverVerify() {
    assertThat(hasher.verify("x", null)).isFalse();
    assertThat(hasher.verify("x", "")).isFalse();
    assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$!!$!!")).isFalse();
    assertThat(hasher.needsRehash("garbage")).isTrue();
  }
}
