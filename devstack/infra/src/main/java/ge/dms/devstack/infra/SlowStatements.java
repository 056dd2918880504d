package ge.dms.devstack.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that cost a database the most, from {@code pg_stat_statements} (loaded by
 * {@code shared_preload_libraries}: the embedded server and the compose file both do). Behind
 * {@code ./dev slow-queries}: a query that regressed shows by name instead of by guessing.
 */
public final class SlowStatements {

    /** How the list is ordered: by the time all calls took together, or by the time of one call. */
    public enum Order {
        TOTAL("total_exec_time"), MEAN("mean_exec_time");

        private final String column;

        Order(String column) {
            this.column = column;
        }
    }

    /** One normalised statement (constants replaced by {@code $n}) and its figures since the last reset. */
    public record Row(String database, long calls, double totalMs, double meanMs, double maxMs, long rows, String query) {
    }

    private SlowStatements() {
    }

    /**
     * The {@code top} statements run in {@code endpoint}'s database, most expensive first. Creates the
     * extension when it is missing and the user may (a dev superuser may); says what to do when the
     * library is not loaded.
     */
    public static List<Row> top(PostgresEndpoint endpoint, Order order, int top) throws SQLException {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1");
        }
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())) {
            ensureExtension(c);
            // Statements of this database only; the view would show every database's to a superuser.
            String sql = "SELECT d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.max_exec_time, s.rows, "
                    + "regexp_replace(s.query, '\\s+', ' ', 'g') FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                    + "WHERE d.datname = current_database() ORDER BY s." + order.column + " DESC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, top);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                                rs.getLong(6), rs.getString(7)));
                    }
                }
                return rows;
            }
        }
    }

    /** Forgets the figures gathered so far (of every database), so the next report covers what runs from now on. */
    public static void reset(PostgresEndpoint endpoint) throws SQLException {
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
             Statement s = c.createStatement()) {
            ensureExtension(c);
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    private static void ensureExtension(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet loaded = s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'shared_preload_libraries'")) {
            if (!loaded.next() || !loaded.getString(1).contains("pg_stat_statements")) {
                throw new SQLException("pg_stat_statements is not loaded on this server: start it with "
                        + "shared_preload_libraries=pg_stat_statements");
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }
}
