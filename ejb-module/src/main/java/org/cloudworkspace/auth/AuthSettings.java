package org.cloudworkspace.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in settings from MicroProfile Config; the environment wins. */
@ApplicationScoped
public class AuthSettings {

  /** The longest access-token lifetime allowed, whatever is configured. */
  static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

  @Inject
  @ConfigProperty(name = "JWT_SECRET_KEY")
  String jwtSecret;

  @Inject
  @ConfigProperty(name = "JWT_ISSUER", defaultValue = "cloud-workspace")
  String issuer;

  @Inject
  @ConfigProperty(name = "JWT_AUDIENCE", defaultValue = "cloud-workspace")
  String audience;

  @Inject
  @ConfigProperty(name = "AUTH_ACCESS_TOKEN_SECONDS", defaultValue = "900")
  long accessTokenSeconds;

  @Inject
  @ConfigProperty(name = "AUTH_SESSION_MAX_DAYS", defaultValue = "30")
  long sessionMaxDays;

  @Inject
  @ConfigProperty(name = "AUTH_SESSION_IDLE_DAYS", defaultValue = "7")
  long sessionIdleDays;

  @Inject
  @ConfigProperty(name = "AUTH_THROTTLE_ACCOUNT_FAILURES", defaultValue = "5")
  int accountFailures;

  @Inject
  @ConfigProperty(name = "AUTH_THROTTLE_ADDRESS_FAILURES", defaultValue = "20")
  int addressFailures;

  @Inject
  @ConfigProperty(name = "AUTH_THROTTLE_WINDOW_SECONDS", defaultValue = "900")
  long throttleWindowSeconds;

  @Inject
  @ConfigProperty(name = "AUTH_THROTTLE_LOCK_SECONDS", defaultValue = "60")
  long throttleLockSeconds;

  @Inject
  @ConfigProperty(name = "AUTH_TOKEN_CHECK_CACHE_SECONDS", defaultValue = "5")
  long tokenCheckCacheSeconds;

  String jwtSecret() {
    return jwtSecret;
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  /** Access-token lifetime, capped at 15 minutes. */
  public Duration accessTokenTtl() {
    Duration configured = Duration.ofSeconds(Math.max(30, accessTokenSeconds));
    return configured.compareTo(MAX_ACCESS_TOKEN_TTL) > 0 ? MAX_ACCESS_TOKEN_TTL : configured;
  }

  /** Absolute lifetime of a sign-in session, however often it is refreshed. */
  public Duration sessionMaxAge() {
    return Duration.ofDays(Math.max(1, sessionMaxDays));
  }

  /** A session unused for this long ends. */
  public Duration sessionIdle() {
    return Duration.ofDays(Math.max(1, sessionIdleDays));
  }

  public int accountFailures() {
    return Math.max(1, accountFailures);
  }

  public int addressFailures() {
    return Math.max(1, addressFailures);
  }

  public Duration throttleWindow() {
    return Duration.ofSeconds(Math.max(1, throttleWindowSeconds));
  }

  public Duration throttleLock() {
    return Duration.ofSeconds(Math.max(1, throttleLockSeconds));
  }

  public Duration tokenCheckCache() {
    return Duration.ofSeconds(Math.max(0, tokenCheckCacheSeconds));
  }
}
