package org.cloudworkspace.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), with the OWASP
 * minimum parameters (19 MiB, 2 passes, 1 lane).
 */
@ApplicationScoped
public class PasswordHasher {

  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();
  private volatile String dummyHash;

  /** Hashes a password with a fresh random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(hash);
  }

  /** Whether the password matches the stored hash; compares in constant time. */
  public boolean verify(String password, String storedHash) {
    Optional<Parsed> parsed = parse(storedHash);
    if (parsed.isEmpty()) {
      return false;
    }
    Parsed p = parsed.get();
    byte[] actual = derive(password, p.salt, p.memory, p.iterations, p.parallelism, p.hash.length);
    return MessageDigest.isEqual(actual, p.hash);
  }

  /** Burns the same time as a real verification, so an unknown username cannot be told apart by timing. */
  public void verifyAgainstDummy(String password) {
    String dummy = dummyHash;
    if (dummy == null) {
      dummy = hash("dummy password that never matches");
      dummyHash = dummy;
    }
    verify(password, dummy);
  }

  /** Whether the stored hash uses weaker parameters than today's and should be replaced at the next sign-in. */
  public boolean needsRehash(String storedHash) {
    return parse(storedHash)
        .map(p -> p.memory < MEMORY_KIB || p.iterations < ITERATIONS || p.parallelism != PARALLELISM)
        .orElse(true);
  }

  private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  private static Optional<Parsed> parse(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    Matcher m = PHC.matcher(stored);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Parsed(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              B64D.decode(m.group(4)),
              B64D.decode(m.group(5))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {}
}
