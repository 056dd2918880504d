package ge.dms.readmodel;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the read-side migrations. Location and history table are those the projections used before this
 * module owned the scripts ({@code classpath:db/readside}, {@value #HISTORY_TABLE}), and the scripts moved
 * byte for byte, so an existing read-side database sees the same versions and checksums and migrates unchanged.
 */
public final class ReadSideMigrations {

    public static final String LOCATION = "classpath:db/readside";
    public static final String HISTORY_TABLE = "projections_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(ReadSideMigrations.class);

    private ReadSideMigrations() {
    }

    /** Migrates the database to the newest version; returns that version. */
    public static String apply(String jdbcUrl, String user, String password) {
        var result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
        LOG.info("Read-side schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
        return result.targetSchemaVersion;
    }
}
