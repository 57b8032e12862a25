package org.cloudworkspace.auth;

/** What a correct password leads to: a finished sign-in, or the request for a second factor. */
public sealed interface LoginResult permits SignIn, LoginResult.SecondFactorRequired {

  /**
   * The password was right and the account has two-factor sign-in: the client completes the sign-in with this
   * short-lived, single-use token and a code. It is not an access token.
   */
  record SecondFactorRequired(String mfaToken, long expiresInSeconds) implements LoginResult {
    @Override
    public String toString() {
      return "SecondFactorRequired[]";
    }
  }
}
