package org.cloudworkspace.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Brute-force protection: the test servers lock an account after 5 failures and an address after 20, for 2 seconds
 * at first (AUTH_THROTTLE_* in it-servers.sh).
 */
class ThrottlingIT {

  @Test
  void accountIsThrottledWith429AndRetryAfterAndRecovers() throws InterruptedException {
    String username = ApiClient.uniqueUsername("throttled");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(username, password, "user");

    for (int i = 0; i < 5; i++) {
      assertThat(new ApiClient().login(username, "wrong-" + i + "-password").status()).isEqualTo(401);
    }
    // Even the right password is refused while the account is locked, from any address.
    Reply locked = new ApiClient().login(username, password);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 2L));
    assertThat(locked.header("Content-Type")).contains("application/problem+json");
    assertThat(locked.string("detail")).contains("Try again in");

    Thread.sleep(2_200);
    assertThat(new ApiClient().login(username, password).status()).isEqualTo(200);
  }

  @Test
  void addressIsThrottledAcrossAccountsButOtherAddressesAreNot() {
    ApiClient attacker = new ApiClient();
    for (int i = 0; i < 20; i++) {
      assertThat(attacker.login(ApiClient.uniqueUsername("spray"), "Spray-password-" + i).status()).isEqualTo(401);
    }
    String victim = ApiClient.uniqueUsername("victim");
    String password = ApiClient.strongPassword();
    ApiClient.createUser(victim, password, "user");

    assertThat(attacker.login(victim, password).status()).isEqualTo(429);
    assertThat(new ApiClient().login(victim, password).status()).isEqualTo(200);
  }
}
