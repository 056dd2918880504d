package ge.dms.projection.readstore;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The read-side PostgreSQL: its migrations (owned by projections, history table
 * {@value #HISTORY_TABLE}) and one connection per writer.
 */
public final class ReadStore {

    public static final String HISTORY_TABLE = "projections_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(ReadStore.class);

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public ReadStore(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Applies the read-side migrations ({@code classpath:db/readside}). */
    public void migrate() {
        var result = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/readside")
                .table(HISTORY_TABLE)
                .load()
                .migrate();
        LOG.info("Read-side schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        connection.setAutoCommit(false);
        return connection;
    }
}
