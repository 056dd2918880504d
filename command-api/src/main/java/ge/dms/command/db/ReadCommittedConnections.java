package ge.dms.command.db;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.tools.jdbc.DefaultConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The pool's connections for jOOQ, answering "which isolation level?" without asking the database.
 *
 * <p>jOOQ's transaction provider reads the connection's isolation level at every BEGIN (to restore it after a
 * transaction that changes it), and the PostgreSQL driver answers with a round trip of its own,
 * {@code SHOW TRANSACTION ISOLATION LEVEL}: one more statement per command, on the command API's hottest path.
 * The pool hands out every connection at READ COMMITTED ({@link DatabaseFactory}) and resets any connection a
 * caller changed before it lends it again, so the level of a freshly acquired connection is known.
 */
final class ReadCommittedConnections implements ConnectionProvider {

    private final DataSource pool;

    ReadCommittedConnections(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() {
        try {
            return new KnownIsolation(pool.getConnection());
        } catch (SQLException e) {
            throw new DataAccessException("Error getting connection from data source " + pool, e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Error closing connection " + connection, e);
        }
    }

    private static final class KnownIsolation extends DefaultConnection {

        private int isolation = Connection.TRANSACTION_READ_COMMITTED;

        KnownIsolation(Connection pooled) {
            super(pooled);
        }

        @Override
        public int getTransactionIsolation() {
            return isolation;
        }

        @Override
        public void setTransactionIsolation(int level) throws SQLException {
            super.setTransactionIsolation(level);
            isolation = level;
        }
    }
}
