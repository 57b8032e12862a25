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

  @Inject AuthSettings settings;

  /** A signed token and how long it lives. */
  public record AccessToken(String token, long expiresInSeconds) {}

  public AccessToken issue(UserAccount user, String sessionId, Instant now) {
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
