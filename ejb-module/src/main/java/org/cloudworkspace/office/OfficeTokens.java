package org.cloudworkspace.office;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * HMAC-signed JWTs as the Document Server exchanges them: HS256 when signing; HS256/HS384/HS512 accepted when
 * verifying (never {@code none}); {@code exp} and {@code nbf} checked when present, with 60 s of clock skew.
 */
public final class OfficeTokens {

  /** A token that is missing, malformed, wrongly signed or expired. */
  public static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }

  private OfficeTokens() {}

  /** Signs the claims (any JSON-like map) with HS256. */
  public static String sign(Map<String, ?> claims, byte[] secret) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(JsonUtil.toJson(claims));
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setHeader("typ", "JWT");
    jws.setKey(new HmacKey(secret));
    jws.setDoKeyValidation(false);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Signing a token failed", e);
    }
  }

  public static String sign(Map<String, ?> claims, String secret) {
    return sign(claims, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The claims of a token signed with the secret. */
  public static Map<String, Object> verify(String token, byte[] secret) throws InvalidTokenException {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("JWT expected");
    }
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setVerificationKey(new HmacKey(secret))
            .setRelaxVerificationKeyValidation()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.HMAC_SHA256,
                AlgorithmIdentifiers.HMAC_SHA384,
                AlgorithmIdentifiers.HMAC_SHA512)
            .setSkipDefaultAudienceValidation()
            .setAllowedClockSkewInSeconds(60)
            .build();
    try {
      JwtClaims claims = consumer.processToClaims(token.trim());
      return claims.getClaimsMap();
    } catch (InvalidJwtException e) {
      throw new InvalidTokenException(e.hasExpired() ? "The token has expired" : "The token is not validly signed");
    }
  }

  public static Map<String, Object> verify(String token, String secret) throws InvalidTokenException {
    return verify(token, secret.getBytes(StandardCharsets.UTF_8));
  }
}
