package org.cloudworkspace.common.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Resource(lookup = "jdbc/workspace")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return HealthCheckResponse.named("database")
          .status(valid)
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
