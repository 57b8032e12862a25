package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.TestServers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile JWT checks on protected resources: signature, algorithm, issuer, audience and expiry; 401 and 403 on
 * every protected endpoint. Tokens are forged with the server's real key (read from the test data folder) so that
 * each check is tested on its own.
 */
class AccessTokenIT {

  private static String adminId() {
    return new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword()).get("/api/me").string("id");
  }

  private static String forge(String key, String alg, Map<String, Object> overrides) throws Exception {
    long now = System.currentTimeMillis();
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("cloud-workspace");
    claims.setAudience("cloud-workspace");
    claims.setSubject(adminId());
    claims.setClaim("upn", TestServers.adminUsername());
    claims.setStringListClaim("groups", List.of("admin"));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAt(NumericDate.fromMilliseconds(now));
    claims.setExpirationTime(NumericDate.fromMilliseconds(now + 600_000));
    claims.setClaim("iat_ms", now);
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            claims.unsetClaim(name);
          } else {
            claims.setClaim(name, value);
          }
        });
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(alg);
    jws.setKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)));
    jws.setDoKeyValidation(false);
    return jws.getCompactSerialization();
  }

  private static int meWith(String token) {
    ApiClient client = new ApiClient();
    client.accessToken(token);
    return client.get("/api/me").status();
  }

  @Test
  void aTokenForgedWithTheRightKeyIsAcceptedSoTheOtherCasesTestOneThingEach() throws Exception {
    String key = TestServers.secret("JWT_SECRET_KEY");
    assertThat(meWith(forge(key, AlgorithmIdentifiers.HMAC_SHA256, Map.of()))).isEqualTo(200);
  }

  @Test
  void wrongKeyWrongIssuerWrongAudienceExpiredAndOtherAlgorithmsAreRefused() throws Exception {
    String key = TestServers.secret("JWT_SECRET_KEY");
    long past = System.currentTimeMillis() / 1000 - 3600;
    assertThat(meWith(forge(key + "x", AlgorithmIdentifiers.HMAC_SHA256, Map.of()))).isEqualTo(401);
    assertThat(meWith(forge(key, AlgorithmIdentifiers.HMAC_SHA256, Map.of("iss", "someone-else")))).isEqualTo(401);
    assertThat(meWith(forge(key, AlgorithmIdentifiers.HMAC_SHA256, Map.of("aud", "another-app")))).isEqualTo(401);
    assertThat(meWith(forge(key, AlgorithmIdentifiers.HMAC_SHA256, Map.of("exp", past, "iat", past - 60)))).isEqualTo(401);
    assertThat(meWith(forge(key, AlgorithmIdentifiers.HMAC_SHA512, Map.of()))).isEqualTo(401);
    // iat_ms before the user's "valid after" moment (the account's creation): refused by the revocation check.
    assertThat(meWith(forge(key, AlgorithmIdentifiers.HMAC_SHA256, Map.of("iat_ms", 1L)))).isEqualTo(401);
  }

  @Test
  void unsignedAndTamperedTokensAreRefused() throws Exception {
    String valid = new ApiClient().signIn(TestServers.adminUsername(), TestServers.adminPassword()).accessToken();
    String[] parts = valid.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String noneHeader = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(meWith(noneHeader + "." + parts[1] + ".")).isEqualTo(401);

    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"groups\":[\"admin\"]", "\"groups\":[\"admin\",\"root\"]");
    assertThat(meWith(parts[0] + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]))
        .isEqualTo(401);
    assertThat(meWith("not-a-token")).isEqualTo(401);
  }

  @Test
  void everyProtectedEndpointAnswers401WithoutTokenAnd403WithoutTheRole() {
    String username = ApiClient.uniqueUsername("plain");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");
    ApiClient user = new ApiClient().signIn(username, password);
    ApiClient anonymous = new ApiClient();

    record Endpoint(String method, String path, boolean adminOnly) {}
    List<Endpoint> endpoints =
        List.of(
            new Endpoint("GET", "/api/me", false),
            new Endpoint("POST", "/api/me/password", false),
            new Endpoint("GET", "/api/admin/users", true),
            new Endpoint("POST", "/api/admin/users", true),
            new Endpoint("POST", "/api/admin/users/" + UUID.randomUUID() + "/disable", true),
            new Endpoint("POST", "/api/admin/users/" + UUID.randomUUID() + "/enable", true),
            new Endpoint("GET", "/api/admin/audit-events", true));
    for (Endpoint endpoint : endpoints) {
      Reply none = "GET".equals(endpoint.method()) ? anonymous.get(endpoint.path()) : anonymous.post(endpoint.path(), Map.of());
      assertThat(none.status()).as(endpoint.toString()).isEqualTo(401);
      assertThat(none.header("Content-Type")).as(endpoint.toString()).contains("application/problem+json");
      if (endpoint.adminOnly()) {
        Reply forbidden = "GET".equals(endpoint.method()) ? user.get(endpoint.path()) : user.post(endpoint.path(), Map.of());
        assertThat(forbidden.status()).as(endpoint.toString()).isEqualTo(403);
        assertThat(((Number) forbidden.json().get("status")).intValue()).isEqualTo(403);
        assertThat(forbidden.json()).containsKeys("type", "title", "detail");
      }
    }
  }
}
