package ge.dms.command.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatesTest {

    @Test
    void shouldTakeALostOrRestartingDatabaseForUnavailable() {
        assertThat(SqlStates.databaseGone("57P01")).as("admin shutdown (pg_ctl stop -m fast)").isTrue();
        assertThat(SqlStates.databaseGone("57P03")).as("cannot connect now (starting up)").isTrue();
        assertThat(SqlStates.databaseGone("08006")).as("connection failure").isTrue();
        assertThat(SqlStates.databaseGone("08001")).as("unable to connect").isTrue();
    }

    @Test
    void shouldNotTakeTheRequestsOwnErrorsForUnavailable() {
        assertThat(SqlStates.databaseGone("23505")).isFalse();
        assertThat(SqlStates.databaseGone("22003")).isFalse();
        assertThat(SqlStates.databaseGone("57014")).as("statement timeout: busy, answered apart").isFalse();
        assertThat(SqlStates.databaseGone(null)).isFalse();
    }
}
