package ge.dms.command.db;

/** What a PostgreSQL SQLSTATE says about the database itself, shared by the transactions and the error answers. */
public final class SqlStates {

    private SqlStates() {
    }

    /**
     * The database went away under the request, which a retry may find back: a connection lost or refused (class 08)
     * or the server shutting down or restarting ({@code 57P01}-{@code 57P05}, e.g. "terminating connection due to
     * administrator command" from a fast shutdown).
     */
    public static boolean databaseGone(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
