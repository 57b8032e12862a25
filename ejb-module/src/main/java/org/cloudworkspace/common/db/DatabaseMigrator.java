package org.cloudworkspace.common.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema up to date with the Flyway migrations before anything else touches the database. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
/*
 * Liberty serves class-path resources through its own URL scheme; the empty db/migration/flyway.location file is how
 * Flyway finds the folder there.
 */
public class DatabaseMigrator {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = "jdbc/workspace")
  private DataSource dataSource;

  private String schemaVersion = "none";

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
    MigrateResult result = flyway.migrate();
    schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Database schema at version "
                + schemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now, database "
                + result.database
                + ")");
  }

  /** The schema version after start-up. */
  public String schemaVersion() {
    return schemaVersion;
  }
}
