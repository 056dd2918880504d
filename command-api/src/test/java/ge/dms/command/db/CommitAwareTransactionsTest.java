package ge.dms.command.db;

import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitAwareTransactionsTest {

    /** jOOQ's own provider as far as a commit goes: it wraps the driver's failure, as DefaultTransactionProvider does. */
    private record CommitFailing(String sqlState) implements TransactionProvider {
        @Override
        public void begin(TransactionContext ctx) {
        }

        @Override
        public void commit(TransactionContext ctx) {
            if (sqlState != null) {
                throw new DataAccessException("Cannot commit transaction", new SQLException("commit failed", sqlState));
            }
        }

        @Override
        public void rollback(TransactionContext ctx) {
        }
    }

    @Test
    void shouldReportACommitCutOffByAShutdownAsOfUnknownOutcome() {
        assertThatThrownBy(() -> new CommitAwareTransactions(new CommitFailing("57P01")).commit(null))
                .isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageContaining("Cannot commit transaction");
        assertThatThrownBy(() -> new CommitAwareTransactions(new CommitFailing("08006")).commit(null))
                .as("connection failure").isInstanceOf(CommitOutcomeUnknownException.class);
    }

    @Test
    void shouldLeaveACommitTheDatabaseRefusedAsAFailure() {
        assertThatThrownBy(() -> new CommitAwareTransactions(new CommitFailing("40001")).commit(null))
                .as("serialization failure: rolled back").isInstanceOf(DataAccessException.class)
                .isNotInstanceOf(CommitOutcomeUnknownException.class);
        assertThatCode(() -> new CommitAwareTransactions(new CommitFailing(null)).commit(null)).doesNotThrowAnyException();
    }
}
