package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An access token for the {@code Authorization: Bearer} header and its lifetime in seconds. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn"})
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {

  static TokenResponse bearer(String token, long expiresIn) {
    return new TokenResponse(token, "Bearer", expiresIn);
  }

  @Override
  public String toString() {
    return "TokenResponse[expiresIn=" + expiresIn + "]";
  }
}
