package org.cloudworkspace.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudworkspace.it.admin.AdminFixtures.admin;
import static org.cloudworkspace.it.admin.AdminFixtures.bytes;
import static org.cloudworkspace.it.admin.AdminFixtures.num;
import static org.cloudworkspace.it.admin.AdminFixtures.upload;
import static org.cloudworkspace.it.admin.AdminFixtures.user;

import java.util.List;
import java.util.Map;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.ApiClient.Reply;
import org.cloudworkspace.it.admin.AdminFixtures.User;
import org.junit.jupiter.api.Test;

/** The user list shows each user's quota, usage and last sign-in, and sorts by usage. */
class UserListStorageIT {

  @Test
  void theListShowsQuotaUsageAndLastSignIn() {
    String prefix = ApiClient.uniqueUsername("usage");
    User heavy = new User(ApiClient.createUser(prefix + "-heavy", "Pw-heavy-horse-battery-1", "user"),
        prefix + "-heavy", "Pw-heavy-horse-battery-1");
    User light = new User(ApiClient.createUser(prefix + "-light", "Pw-light-horse-battery-1", "user"),
        prefix + "-light", "Pw-light-horse-battery-1");
    User never = new User(ApiClient.createUser(prefix + "-never", "Pw-never-horse-battery-1", "user"),
        prefix + "-never", "Pw-never-horse-battery-1");
    upload(heavy.signIn(), "root", "big.bin", bytes(50_000, 1));
    upload(light.signIn(), "root", "small.bin", bytes(500, 2));
    ApiClient admin = admin();
    assertThat(admin.put("/api/admin/users/" + light.id() + "/quota", Map.of("quotaBytes", 1_000_000)).status())
        .isEqualTo(200);

    Reply page = admin.get("/api/admin/users?search=" + prefix + "&sort=usedBytes&dir=desc");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<Map<String, Object>> items = page.items();
    assertThat(items).extracting(u -> u.get("username"))
        .containsExactly(heavy.username(), light.username(), never.username());
    assertThat(num(items.get(0), "usedBytes")).isEqualTo(50_000);
    assertThat(items.get(0)).containsEntry("defaultQuota", true);
    assertThat(num(items.get(1), "usedBytes")).isEqualTo(500);
    assertThat(num(items.get(1), "quotaBytes")).isEqualTo(1_000_000);
    assertThat(items.get(1)).containsEntry("defaultQuota", false);
    assertThat(num(items.get(2), "usedBytes")).isZero();
    assertThat(num(items.get(2), "quotaBytes")).isPositive();
    assertThat(items.get(0).get("lastLoginAt")).isNotNull();
    assertThat(items.get(2).get("lastLoginAt")).isNull();

    Reply ascending = admin.get("/api/admin/users?search=" + prefix + "&sort=usedBytes&dir=asc");
    assertThat(ascending.items()).extracting(u -> u.get("username"))
        .containsExactly(never.username(), light.username(), heavy.username());

    // One user's view carries the same columns.
    Map<String, Object> one = admin.get("/api/admin/users/" + heavy.id()).json();
    assertThat(num(one, "usedBytes")).isEqualTo(50_000);
    assertThat(one).containsKeys("quotaBytes", "defaultQuota", "lastLoginAt", "twoFactorEnabled");
  }
}
