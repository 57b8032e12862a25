package org.cloudworkspace.auth.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to a correct password of an account with two-factor sign-in: no tokens yet; the client sends the
 * {@code mfaToken} with a code to {@code POST /api/auth/login/mfa}.
 */
@JsonbPropertyOrder({"mfaRequired", "mfaToken", "expiresIn"})
public record MfaRequiredResponse(boolean mfaRequired, String mfaToken, long expiresIn) {

  @Override
  public String toString() {
    return "MfaRequiredResponse[]";
  }
}
