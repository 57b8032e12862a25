package org.cloudworkspace.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM under a key derived (SHA-256) from {@code APP_ENCRYPTION_KEY}, with a fresh 96-bit nonce for every
 * encryption. The result is {@code v1:} plus base64 of nonce and ciphertext with its tag; a purpose string is bound as
 * associated data, so a value encrypted for one use does not decrypt for another.
 */
@ApplicationScoped
public class DataEncryption {

  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretKeySpec key;

  /** For the CDI container's proxy only. */
  protected DataEncryption() {}

  @Inject
  public DataEncryption(@ConfigProperty(name = "APP_ENCRYPTION_KEY") String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  /** Encrypts a text for one purpose (e.g. {@code "totp"}). */
  public String encrypt(String plaintext, String purpose) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Decrypts what {@link #encrypt} produced for the same purpose; fails if it was changed or the key differs. */
  public String decrypt(String encrypted, String purpose) {
    if (encrypted == null || !encrypted.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not an encrypted value");
    }
    byte[] all = Base64.getDecoder().decode(encrypted.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The value could not be decrypted: APP_ENCRYPTION_KEY changed or it was altered", e);
    }
  }
}
