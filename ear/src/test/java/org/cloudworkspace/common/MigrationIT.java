package org.cloudworkspace.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.cloudworkspace.it.ApiClient;
import org.cloudworkspace.it.TestServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Flyway migrations ran against the database the server under test uses. */
class MigrationIT {

  @Test
  void serverReportsTheConfiguredDatabase() {
    String product = "postgres".equals(TestServers.database()) ? "PostgreSQL" : "H2";
    assertThat(new ApiClient().get("/health/ready").body()).contains("\"product\":\"" + product + "\"");
  }

  @Test
  void postgresSchemaIsOwnedByFlyway() throws Exception {
    Assumptions.assumeTrue("postgres".equals(TestServers.database()), "only in the PostgreSQL pass");
    try (Connection connection =
            DriverManager.getConnection(
                System.getProperty("it.postgres.url"),
                System.getProperty("it.postgres.user"),
                System.getProperty("it.postgres.password"));
        Statement statement = connection.createStatement()) {
      List<String> versions = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
        while (rs.next()) {
          assertThat(rs.getBoolean("success")).isTrue();
          versions.add(rs.getString("version"));
        }
      }
      assertThat(versions).startsWith("1");
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN"
                  + " ('user_account','auth_session','refresh_token','login_throttle','audit_event')")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5);
      }
      try (ResultSet rs = statement.executeQuery("SELECT password_hash FROM user_account WHERE username = 'admin'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
      }
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM refresh_token WHERE LENGTH(token_hash) <> 64")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }
}
