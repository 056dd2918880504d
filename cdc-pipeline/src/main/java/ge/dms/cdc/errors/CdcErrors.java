package ge.dms.cdc.errors;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Sorts failures into retriable and permanent, the way Debezium's {@code PostgresErrorHandler}
 * does for the connector: connection trouble is retried with backoff, anything a person must
 * fix (credentials, grants, missing objects, oversized records) stops the pipeline.
 */
public final class CdcErrors {

    private CdcErrors() {
    }

    public static boolean isRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PermanentCdcException
                    || t instanceof AuthenticationException
                    || t instanceof AuthorizationException
                    || t instanceof RecordTooLargeException) {
                return false;
            }
            if (t instanceof UnknownTopicOrPartitionException) {
                // Topics are created at start; one missing later was deleted by someone: not ours to recreate silently.
                return false;
            }
            if (t instanceof RetriableException || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return isRetriableSqlState(sql.getSQLState());
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection), 57P0x (server shutting down), 53 (resources) and 40 (rollback) are worth a retry. */
    public static boolean isRetriableSqlState(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.startsWith("53")
                || sqlState.startsWith("40");
    }

    /** A sentence an operator can act on for the common permanent PostgreSQL failures. */
    public static String explainSql(SQLException e, String user, String jdbcUrl) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return "PostgreSQL refused the login of '" + user + "' at " + jdbcUrl
                    + " (" + e.getMessage() + "): fix DMS_POSTGRES_USER / DMS_POSTGRES_PASSWORD or pg_hba.conf";
        }
        if (state.equals("3D000")) {
            return "database in " + jdbcUrl + " does not exist: fix DMS_POSTGRES_URL";
        }
        if (state.equals("42501")) {
            return "role '" + user + "' lacks a privilege cdc-pipeline needs (REPLICATION and SELECT on the captured tables): "
                    + e.getMessage();
        }
        return "PostgreSQL at " + jdbcUrl + " failed with SQLSTATE " + state + ": " + e.getMessage();
    }
}
