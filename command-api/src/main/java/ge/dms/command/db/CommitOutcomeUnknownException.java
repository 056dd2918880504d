package ge.dms.command.db;

import org.jooq.exception.DataAccessException;

/**
 * The database went away while a transaction was committing (connection lost, server shutting down): the commit may
 * have been made or not, and nobody can tell from here. Answered 503 {@code commit-outcome-unknown}, never as a plain
 * failure: a client told "not done" retries a change that may already be there. Found by {@code ./dev bench faults}'
 * PostgreSQL restart: two changes answered 503 {@code database-unavailable} had committed.
 */
public final class CommitOutcomeUnknownException extends DataAccessException {

    public CommitOutcomeUnknownException(DataAccessException cause) {
        super("commit outcome unknown: " + cause.getMessage(), cause);
    }
}
