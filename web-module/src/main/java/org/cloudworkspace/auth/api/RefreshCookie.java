package org.cloudworkspace.auth.api;

import jakarta.ws.rs.core.NewCookie;

/**
 * The refresh-token cookie: HttpOnly, SameSite=Strict, Secure over HTTPS, and sent only to the auth endpoints.
 */
final class RefreshCookie {

  static final String NAME = "cw_refresh";
  static final String PATH = "/api/auth";

  private RefreshCookie() {}

  static NewCookie of(String token, long maxAgeSeconds, boolean secure) {
    return new NewCookie.Builder(NAME)
        .value(token)
        .path(PATH)
        .maxAge((int) Math.min(Integer.MAX_VALUE, maxAgeSeconds))
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }

  static NewCookie cleared(boolean secure) {
    return new NewCookie.Builder(NAME)
        .value("")
        .path(PATH)
        .maxAge(0)
        .expiry(new java.util.Date(0))
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
