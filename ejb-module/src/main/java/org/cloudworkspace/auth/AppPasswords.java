package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;

/**
 * App passwords: created by users for their desktop clients (shown once), listed with when they were last used, and
 * revoked, which takes effect at the next request: on this instance at once ({@link VerifiedAppPasswords} drops what
 * it remembered), on others within the token-check cache time.
 */
@Stateless
public class AppPasswords {

  /** At most this many app passwords per user. */
  static final int MAX_PER_USER = 50;

  /** Letters and digits that cannot be confused with each other (no 0/O, 1/l/I). */
  private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  /** 6 groups of 5 characters from 57: about 175 bits. */
  private static final int GROUPS = 6;

  private static final int GROUP_LENGTH = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject UserDirectory users;

  @Inject AuditLog audit;

  @Inject VerifiedAppPasswords verified;

  /** A new app password and its secret, which exists only in this answer. */
  public record Created(AppPassword appPassword, String secret) {
    @Override
    public String toString() {
      return "Created[" + appPassword.id() + "]";
    }
  }

  /** The user's app passwords, newest first. */
  public List<AppPassword> of(String userId) {
    return em.createQuery(
            "SELECT p FROM AppPassword p WHERE p.userId = :user ORDER BY p.createdAt DESC, p.id", AppPassword.class)
        .setParameter("user", userId)
        .getResultList();
  }

  /** Creates an app password named by the user (1 to 100 characters, no control characters). */
  public Created create(String userId, String rawName, ClientInfo client) {
    UserAccount user = users.require(userId);
    String name = rawName == null ? "" : rawName.strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("name", "Name the app password after the device or program that will use it.");
    }
    if (name.length() > 100) {
      throw new InvalidInputException("name", "A name has at most 100 characters.");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("name", "A name cannot contain control characters.");
    }
    long existing =
        em.createQuery("SELECT COUNT(p) FROM AppPassword p WHERE p.userId = :user", Long.class)
            .setParameter("user", userId)
            .getSingleResult();
    if (existing >= MAX_PER_USER) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Too many app passwords",
          "You have " + existing + " app passwords, the most allowed. Revoke ones you no longer use first.");
    }
    String secret = newSecret();
    AppPassword password =
        new AppPassword(userId, name, hash(secret), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    em.persist(password);
    audit.record(
        AuditType.APP_PASSWORD_CREATE, AuditOutcome.SUCCESS, user.id(), user.username(),
        "app password " + password.id(), client, "'" + name + "'");
    return new Created(password, secret);
  }

  /** Revokes one of the user's app passwords; clients using it are refused from their next request on. */
  public void revoke(String userId, String id, ClientInfo client) {
    UserAccount user = users.require(userId);
    AppPassword password =
        Optional.ofNullable(id == null ? null : em.find(AppPassword.class, id))
            .filter(p -> p.userId().equals(userId))
            .orElseThrow(
                () -> new DomainException(
                    DomainException.Kind.NOT_FOUND, "App password not found", "You have no app password " + id + "."));
    em.remove(password);
    verified.forgetUserAfterCommit(userId);
    audit.record(
        AuditType.APP_PASSWORD_REVOKE, AuditOutcome.SUCCESS, user.id(), user.username(),
        "app password " + password.id(), client, "'" + password.name() + "'");
  }

  /** The user's app password with this secret, if any. */
  public Optional<AppPassword> match(String userId, String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 200) {
      return Optional.empty();
    }
    return em.createQuery("SELECT p FROM AppPassword p WHERE p.secretHash = :hash", AppPassword.class)
        .setParameter("hash", hash(secret))
        .getResultStream()
        .filter(p -> p.userId().equals(userId))
        .findFirst();
  }

  static String newSecret() {
    StringBuilder secret = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
    for (int g = 0; g < GROUPS; g++) {
      if (g > 0) {
        secret.append('-');
      }
      for (int i = 0; i < GROUP_LENGTH; i++) {
        secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
      }
    }
    return secret.toString();
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
