package org.cloudworkspace.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-in sessions and their refresh tokens: 256-bit random values stored only as SHA-256 hashes, rotated on every
 * use, each claimed atomically by a conditional update so that one token used twice at the same moment has exactly one
 * winner.
 */
@Stateless
public class SessionStore {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject AuthSettings settings;

  @Inject TokenValidity validity;

  /** What claiming a presented refresh token found. */
  public sealed interface Claim {
    /** The token was unused and is now used; the caller issues its successor. */
    record Claimed(AuthSession session) implements Claim {}

    /** The token had been used before: a sign of theft; its session must end. */
    record Reused(String sessionId) implements Claim {}

    /** No such token. */
    record Unknown() implements Claim {}
  }

  /** A new session and its first refresh token (the only time the value exists). */
  public record Started(String sessionId, String refreshToken) {
    @Override
    public String toString() {
      return "Started[" + sessionId + "]";
    }
  }

  /** Starts a session and returns its first refresh token. */
  public Started start(UserAccount user, Instant now, String address, String userAgent) {
    AuthSession session =
        new AuthSession(user.id(), now, now.plus(settings.sessionMaxAge()), userAgent, address);
    em.persist(session);
    return new Started(session.id(), issueToken(session, now));
  }

  /** Issues the successor of a claimed token in the same session. */
  public String rotate(AuthSession session, Instant now, String address, String userAgent) {
    AuthSession managed = em.merge(session);
    managed.touch(now, address, userAgent);
    return issueToken(managed, now);
  }

  /** Marks the token used if, and only if, nobody has used it before. */
  public Claim claim(String presentedToken, Instant now) {
    if (presentedToken == null || !TOKEN_SHAPE.matcher(presentedToken).matches()) {
      return new Claim.Unknown();
    }
    String hash = hash(presentedToken);
    int claimed =
        em.createQuery(
                "UPDATE RefreshToken t SET t.usedAt = :now WHERE t.tokenHash = :hash AND t.usedAt IS NULL")
            .setParameter("now", now)
            .setParameter("hash", hash)
            .executeUpdate();
    RefreshToken token = em.find(RefreshToken.class, hash);
    if (token == null) {
      return new Claim.Unknown();
    }
    if (claimed == 1) {
      return new Claim.Claimed(em.find(AuthSession.class, token.sessionId()));
    }
    return new Claim.Reused(token.sessionId());
  }

  /** The session a presented refresh token belongs to, used or not. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AuthSession> sessionOf(String presentedToken) {
    if (presentedToken == null || !TOKEN_SHAPE.matcher(presentedToken).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(RefreshToken.class, hash(presentedToken)))
        .map(t -> em.find(AuthSession.class, t.sessionId()));
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<AuthSession> find(String sessionId) {
    return sessionId == null ? Optional.empty() : Optional.ofNullable(em.find(AuthSession.class, sessionId));
  }

  /** Ends one session in a transaction of its own, so it stays ended even when the request fails afterwards. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void endCommitted(String sessionId, AuthSession.EndReason reason, Instant now) {
    end(sessionId, reason, now);
  }

  /** Ends one session; its outstanding access tokens stop working too (checked by their {@code sid} claim). */
  public void end(String sessionId, AuthSession.EndReason reason, Instant now) {
    AuthSession session = em.find(AuthSession.class, sessionId);
    if (session != null) {
      session.end(reason, now);
      validity.forgetSessionAfterCommit(session.id());
    }
  }

  /** Ends every open session of a user, except the one named (may be null). Returns how many ended. */
  public int endAllOf(String userId, String exceptSessionId, AuthSession.EndReason reason, Instant now) {
    List<AuthSession> open =
        em.createQuery(
                "SELECT s FROM AuthSession s WHERE s.userId = :user AND s.revokedAt IS NULL", AuthSession.class)
            .setParameter("user", userId)
            .getResultList();
    int ended = 0;
    for (AuthSession session : open) {
      if (!session.id().equals(exceptSessionId)) {
        session.end(reason, now);
        validity.forgetSessionAfterCommit(session.id());
        ended++;
      }
    }
    return ended;
  }

  /** A user's sessions, newest use first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<AuthSession> openSessionsOf(String userId, Instant now) {
    return em.createQuery(
            "SELECT s FROM AuthSession s WHERE s.userId = :user AND s.revokedAt IS NULL AND s.expiresAt > :now"
                + " ORDER BY s.lastUsedAt DESC",
            AuthSession.class)
        .setParameter("user", userId)
        .setParameter("now", now)
        .getResultList();
  }

  private String issueToken(AuthSession session, Instant now) {
    String value = newToken();
    em.persist(new RefreshToken(hash(value), session.id(), now));
    return value;
  }

  /** A fresh 256-bit random token, base64url without padding. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a presented value has the shape of a token made by {@link #newToken()}. */
  static boolean looksLikeToken(String value) {
    return value != null && TOKEN_SHAPE.matcher(value).matches();
  }

  static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
