package org.cloudworkspace.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataEncryptionTest {

  private final DataEncryption encryption = new DataEncryption("x".repeat(48));

  @Test
  void roundTripsWithAFreshNonceEachTime() {
    String a = encryption.encrypt("JBSWY3DPEHPK3PXP", "totp-secret");
    String b = encryption.encrypt("JBSWY3DPEHPK3PXP", "totp-secret");
    assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("JBSWY3DPEHPK3PXP");
    assertThat(encryption.decrypt(a, "totp-secret")).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThat(encryption.decrypt(b, "totp-secret")).isEqualTo("JBSWY3DPEHPK3PXP");
  }

  @Test
  void refusesAnotherKeyAnotherPurposeAndTampering() {
    String sealed = encryption.encrypt("secret", "totp-secret");
    assertThatThrownBy(() -> new DataEncryption("y".repeat(48)).decrypt(sealed, "totp-secret"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> encryption.decrypt(sealed, "other")).isInstanceOf(IllegalStateException.class);
    byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> encryption.decrypt(tampered, "totp-secret")).isInstanceOf(RuntimeException.class);
  }
}
