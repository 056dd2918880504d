package ge.dms.projection.readstore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One read-side connection kept open across writes by a single-threaded sink, opened on first
 * use and discarded after a failure so the next write starts on a fresh one.
 */
public final class ReusedConnection implements AutoCloseable {

    private final ReadStore store;
    private Connection connection;

    public ReusedConnection(ReadStore store) {
        this.store = store;
    }

    public Connection get() throws SQLException {
        if (connection == null) {
            connection = store.connect();
        }
        return connection;
    }

    /** Closes and forgets the connection (after a failed write its state is unknown). */
    public void discard() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection is being discarded anyway
        }
        connection = null;
    }

    @Override
    public void close() {
        discard();
    }
}
