package org.cloudworkspace.auth;

/**
 * The result of a successful sign-in, refresh or password change: an access token for the API and a new refresh token
 * for the cookie. The refresh token value exists only here; the database keeps its hash.
 */
public record SignIn(
    String accessToken, long expiresInSeconds, String refreshToken, long refreshMaxAgeSeconds, UserAccount user)
    implements LoginResult {

  @Override
  public String toString() {
    return "SignIn[user=" + user.username() + "]";
  }
}
