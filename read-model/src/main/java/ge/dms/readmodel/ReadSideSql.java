package ge.dms.readmodel;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * jOOQ over the read side: PostgreSQL, the generated tables of {@code ge.dms.readmodel.jooq}. One set of
 * settings for writers and readers, chosen for the hot paths.
 */
public final class ReadSideSql {

    static final Settings SETTINGS = new Settings()
            // Names are lower-case identifiers: unquoted, the SQL in pg_stat_statements and the slow statement
            // log (./dev slow-queries) reads like hand-written SQL.
            .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
            // jOOQ's execute logger checks its DEBUG level on every statement; the services log what they need.
            .withExecuteLogging(false)
            // No extra getWarnings() call after each statement.
            .withFetchWarnings(false);

    /**
     * PostgreSQL's {@code now()} (the transaction's start), as the writers stamp {@code applied_at} and
     * {@code updated_at}; jOOQ's own current_timestamp would render as a cast of it.
     */
    public static final Field<java.time.OffsetDateTime> NOW = DSL.field("now()", SQLDataType.TIMESTAMPWITHTIMEZONE);

    private ReadSideSql() {
    }

    /** Statements on a connection the caller opens, commits and closes (the projections' writers, cursors). */
    public static DSLContext using(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES, SETTINGS);
    }

    /**
     * The JDBC failure under a jOOQ one (jOOQ throws the unchecked {@link DataAccessException}), for callers
     * whose retry and error rules are written for {@link SQLException}.
     */
    public static SQLException sqlException(DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        return cause != null ? cause : new SQLException(e.getMessage(), e.sqlState(), e);
    }

    /** Statements that each take a pooled connection and give it back (query-api's stores). */
    public static DSLContext using(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES, SETTINGS);
    }
}
