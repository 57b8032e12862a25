package org.cloudworkspace.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Issues the workspace's access tokens: HS256 JWTs under {@code JWT_SECRET_KEY}, verified by MicroProfile JWT on every
 * protected resource (issuer, audience, expiry, fixed algorithm).
 */
@ApplicationScoped
public class AccessTokenIssuer {

  /** Private claim: issue time in milliseconds, compared with the user's "tokens valid after" moment. */
  public static final String ISSUED_AT_MILLIS = "iat_ms";

  /** Private claim: the sign-in session the token belongs to. */
  public static final String SESSION_ID = "sid";

  /**
   * Private claim, present only on restricted tokens: {@value #MUST_CHANGE_PASSWORD} or {@value #MUST_ENROL_2FA}. Such
   * a token reaches only the endpoints that lift the restriction.
   */
  public static final String RESTRICTION = "restriction";

  /** The user signed in with a temporary password and must change it first. */
  public static final String MUST_CHANGE_PASSWORD = "password_change";

  /** Two-factor sign-in is required for the user, who has not set it up yet. */
  public static final String MUST_ENROL_2FA = "mfa_enrolment";

  @Inject AuthSettings settings;

  /** A signed token and how long it lives. */
  public record AccessToken(String token, long expiresInSeconds) {}

  public AccessToken issue(UserAccount user, String sessionId, Instant now) {
    return issue(user, sessionId, now, null);
  }

  /** A token, restricted when {@code restriction} is not null. */
  public AccessToken issue(UserAccount user, String sessionId, Instant now, String restriction) {
    long ttl = settings.accessTokenTtl().toSeconds();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(settings.issuer());
    claims.setAudience(settings.audience());
    claims.setSubject(user.id());
    claims.setClaim("upn", user.username());
    claims.setClaim("preferred_username", user.username());
    claims.setStringListClaim("groups", List.of(user.role().code()));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
    claims.setExpirationTime(NumericDate.fromMilliseconds(now.plusSeconds(ttl).toEpochMilli()));
    claims.setClaim(ISSUED_AT_MILLIS, now.toEpochMilli());
    claims.setClaim(SESSION_ID, sessionId);
    if (restriction != null) {
      claims.setClaim(RESTRICTION, restriction);
    }

    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setKey(key());
    try {
      return new AccessToken(jws.getCompactSerialization(), ttl);
    } catch (JoseException e) {
      throw new IllegalStateException("Could not sign an access token", e);
    }
  }

  private HmacKey key() {
    return new HmacKey(settings.jwtSecret().getBytes(StandardCharsets.UTF_8));
  }
}
