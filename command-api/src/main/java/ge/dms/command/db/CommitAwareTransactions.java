package ge.dms.command.db;

import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

/**
 * jOOQ's transactions, but a commit that fails because the database went away ({@code 08xxx}, {@code 57P0x}) raises
 * {@link CommitOutcomeUnknownException}: such a commit may have reached the database before the connection broke.
 * A commit the database refused (a serialization failure, a deferred constraint) was rolled back and stays as it was.
 */
public final class CommitAwareTransactions implements TransactionProvider {

    private final TransactionProvider delegate;

    public CommitAwareTransactions(TransactionProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public void begin(TransactionContext ctx) {
        delegate.begin(ctx);
    }

    @Override
    public void commit(TransactionContext ctx) {
        try {
            delegate.commit(ctx);
        } catch (DataAccessException e) {
            if (SqlStates.databaseGone(e.sqlState())) {
                throw new CommitOutcomeUnknownException(e);
            }
            throw e;
        }
    }

    @Override
    public void rollback(TransactionContext ctx) {
        delegate.rollback(ctx);
    }
}
