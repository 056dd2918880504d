package ge.dms.projection.readstore;

import ge.dms.readmodel.ReadSideMigrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The read-side PostgreSQL: its migrations (owned by the read-model module, applied by the projections, which
 * write these tables) and one connection per writer.
 */
public final class ReadStore {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public ReadStore(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Applies the read-side migrations ({@link ReadSideMigrations}). */
    public void migrate() {
        ReadSideMigrations.apply(jdbcUrl, user, password);
    }

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        connection.setAutoCommit(false);
        return connection;
    }
}
