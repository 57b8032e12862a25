package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.crypto.DataEncryption;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.error.TooManyAttemptsException;
import org.cloudworkspace.common.settings.SettingsService;

/**
 * Two-factor sign-in with TOTP (RFC 6238): enrolment with a QR code, confirmation with a first code, ten recovery
 * codes, disabling, the admin reset, and the checks of the sign-in's second step. Each code works once.
 */
@Stateless
public class TwoFactorService {

  /** The issuer shown in authenticator apps. */
  static final String ISSUER = "Cloud Workspace";

  static final int RECOVERY_CODES = 10;
  static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
  private static final String PURPOSE = "totp-secret";
  private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject UserDirectory users;

  @Inject PasswordHasher hasher;

  @Inject LoginThrottles throttles;

  @Inject DataEncryption encryption;

  @Inject SettingsService settings;

  @Inject AuditLog audit;

  /** What the enrolment screen shows: the secret, its otpauth URI, and the URI as a QR code (SVG data URI). */
  public record Enrolment(String secret, String otpauthUri, String qrCode) {
    @Override
    public String toString() {
      return "Enrolment[]";
    }
  }

  /** A user's second-factor state. */
  public record Status(boolean enabled, boolean pending, long recoveryCodesLeft, boolean required) {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Status status(String userId) {
    UserAccount user = users.require(userId);
    Optional<SecondFactor> factor = find(userId);
    boolean enabled = factor.map(SecondFactor::confirmed).orElse(false);
    return new Status(enabled, factor.isPresent() && !enabled, enabled ? recoveryCodesLeft(userId) : 0, required(user));
  }

  /** Whether the settings require this user to use a second factor. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean required(UserAccount user) {
    return settings.require2faForEveryone() || (user.role() == Role.ADMIN && settings.require2faForAdmins());
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean enabled(String userId) {
    return find(userId).map(SecondFactor::confirmed).orElse(false);
  }

  /** Which of these users have a confirmed second factor. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<String> enabledAmong(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "SELECT f.userId FROM SecondFactor f WHERE f.confirmedAt IS NOT NULL AND f.userId IN :ids", String.class)
            .setParameter("ids", List.copyOf(userIds))
            .getResultList());
  }

  /** Starts (or restarts) an enrolment with a fresh secret; refused when a confirmed second factor exists. */
  public Enrolment enrol(String userId) {
    UserAccount user = users.require(userId);
    Instant now = Instant.now();
    String secret = Totp.newSecret();
    String encrypted = encryption.encrypt(secret, PURPOSE);
    SecondFactor factor = find(userId).orElse(null);
    if (factor == null) {
      em.persist(new SecondFactor(userId, encrypted, now));
    } else if (factor.confirmed()) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Two-factor sign-in already on",
          "Two-factor sign-in is already on. Turn it off first to set up a new authenticator.");
    } else {
      factor.replaceSecret(encrypted, now);
    }
    String uri = Totp.otpauthUri(ISSUER, user.username(), secret);
    return new Enrolment(secret, uri, QrCodes.svgDataUri(uri));
  }

  /** Confirms the pending enrolment with a code from the app; returns the ten recovery codes (shown only now). */
  public List<String> confirm(String userId, String code, ClientInfo client) {
    UserAccount user = users.require(userId);
    SecondFactor factor =
        find(userId)
            .filter(f -> !f.confirmed())
            .orElseThrow(
                () -> new DomainException(
                    DomainException.Kind.CONFLICT, "No enrolment pending",
                    "There is no two-factor enrolment to confirm. Start one first."));
    Instant now = Instant.now();
    OptionalLong step = Totp.matchingStep(secretOf(factor), code, now, factor.lastStep());
    if (step.isEmpty()) {
      throw new InvalidInputException("code", "This code is not right. Enter the current code from your app.");
    }
    factor.confirm(step.getAsLong(), now);
    List<String> codes = newRecoveryCodes(userId, now);
    audit.record(
        AuditType.TWO_FACTOR_ENABLE, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client,
        "TOTP confirmed, " + RECOVERY_CODES + " recovery codes issued");
    return codes;
  }

  /** Turns the second factor off after checking the password and a code (TOTP or recovery code). */
  public void disable(String userId, String password, String code, ClientInfo client) {
    UserAccount user = users.require(userId);
    if (!enabled(userId)) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Two-factor sign-in is off", "Two-factor sign-in is not on for your account.");
    }
    if (required(user)) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Two-factor sign-in required",
          "Two-factor sign-in is required for your account and cannot be turned off.");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String accountKey = LoginThrottles.accountKey(user.username());
    String addressKey = LoginThrottles.addressKey(client.address());
    long locked = throttles.secondsLocked(accountKey, addressKey, now);
    if (locked > 0) {
      throw new TooManyAttemptsException(locked);
    }
    boolean passwordOk = password != null && hasher.verify(password, user.passwordHash());
    if (!passwordOk || verify(user, code, now).isEmpty()) {
      throttles.recordFailure(accountKey, addressKey, now);
      audit.record(
          AuditType.TWO_FACTOR_DISABLE, AuditOutcome.FAILURE, user.id(), user.username(), user.username(), client,
          passwordOk ? "wrong code" : "wrong password");
      throw new AuthenticationFailedException("The password or the code is wrong.");
    }
    remove(userId);
    audit.record(
        AuditType.TWO_FACTOR_DISABLE, AuditOutcome.SUCCESS, user.id(), user.username(), user.username(), client, null);
  }

  /** Removes a user's second factor and recovery codes (the admin reset; the caller audits). Returns whether one existed. */
  public boolean remove(String userId) {
    em.createQuery("DELETE FROM RecoveryCode c WHERE c.userId = :user").setParameter("user", userId).executeUpdate();
    return em.createQuery("DELETE FROM SecondFactor f WHERE f.userId = :user")
            .setParameter("user", userId)
            .executeUpdate()
        > 0;
  }

  /**
   * Checks a TOTP or recovery code of a user with a confirmed second factor and uses it up: a TOTP code's step is
   * claimed by a conditional update (a code reused, even at the same moment, fails), a recovery code is marked used.
   * Returns how the user proved it ("totp" or "recovery code").
   */
  public Optional<String> verify(UserAccount user, String code, Instant now) {
    SecondFactor factor = find(user.id()).filter(SecondFactor::confirmed).orElse(null);
    if (factor == null || code == null || code.isBlank() || code.length() > 64) {
      return Optional.empty();
    }
    OptionalLong step = Totp.matchingStep(secretOf(factor), code, now, factor.lastStep());
    if (step.isPresent()) {
      int claimed =
          em.createQuery(
                  "UPDATE SecondFactor f SET f.lastStep = :step WHERE f.userId = :user AND f.lastStep < :step")
              .setParameter("step", step.getAsLong())
              .setParameter("user", user.id())
              .executeUpdate();
      return claimed == 1 ? Optional.of("totp") : Optional.empty();
    }
    String normalized = normalizeRecoveryCode(code);
    if (normalized.length() != 16) {
      return Optional.empty();
    }
    int used =
        em.createQuery(
                "UPDATE RecoveryCode c SET c.usedAt = :now WHERE c.codeHash = :hash AND c.userId = :user"
                    + " AND c.usedAt IS NULL")
            .setParameter("now", now)
            .setParameter("hash", SessionStore.hash(normalized))
            .setParameter("user", user.id())
            .executeUpdate();
    return used == 1 ? Optional.of("recovery code") : Optional.empty();
  }

  /** Starts the second step of a sign-in; returns the token (its only appearance; the database keeps its hash). */
  public String startChallenge(UserAccount user, Instant now) {
    String token = SessionStore.newToken();
    em.persist(new MfaChallenge(SessionStore.hash(token), user.id(), now, now.plus(CHALLENGE_TTL)));
    return token;
  }

  /** The user of a challenge that is unused and unexpired. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> challengeUser(String token, Instant now) {
    if (!SessionStore.looksLikeToken(token)) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(MfaChallenge.class, SessionStore.hash(token)))
        .filter(c -> c.usableAt(now))
        .map(MfaChallenge::userId);
  }

  /** Uses a challenge up; exactly one caller wins. */
  public boolean claimChallenge(String token, Instant now) {
    return em.createQuery(
                "UPDATE MfaChallenge c SET c.usedAt = :now WHERE c.tokenHash = :hash AND c.usedAt IS NULL"
                    + " AND c.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("hash", SessionStore.hash(token))
            .executeUpdate()
        == 1;
  }

  private long recoveryCodesLeft(String userId) {
    return em.createQuery(
            "SELECT COUNT(c) FROM RecoveryCode c WHERE c.userId = :user AND c.usedAt IS NULL", Long.class)
        .setParameter("user", userId)
        .getSingleResult();
  }

  private List<String> newRecoveryCodes(String userId, Instant now) {
    em.createQuery("DELETE FROM RecoveryCode c WHERE c.userId = :user").setParameter("user", userId).executeUpdate();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      StringBuilder raw = new StringBuilder();
      for (int j = 0; j < 16; j++) {
        raw.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
      }
      em.persist(new RecoveryCode(SessionStore.hash(raw.toString()), userId, now));
      codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-" + raw.substring(12));
    }
    return codes;
  }

  static String normalizeRecoveryCode(String code) {
    return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  private String secretOf(SecondFactor factor) {
    return encryption.decrypt(factor.encryptedSecret(), PURPOSE);
  }

  private Optional<SecondFactor> find(String userId) {
    return Optional.ofNullable(em.find(SecondFactor.class, userId));
  }
}
