package ge.dms.command.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataAccessHandlerTest {

    @Test
    void shouldTakeALostOrRestartingDatabaseForUnavailable() {
        assertThat(DataAccessHandler.unavailable("57P01")).as("admin shutdown (pg_ctl stop -m fast)").isTrue();
        assertThat(DataAccessHandler.unavailable("57P03")).as("cannot connect now (starting up)").isTrue();
        assertThat(DataAccessHandler.unavailable("08006")).as("connection failure").isTrue();
        assertThat(DataAccessHandler.unavailable("08001")).as("unable to connect").isTrue();
    }

    @Test
    void shouldNotTakeTheRequestsOwnErrorsForUnavailable() {
        assertThat(DataAccessHandler.unavailable("23505")).isFalse();
        assertThat(DataAccessHandler.unavailable("22003")).isFalse();
        assertThat(DataAccessHandler.unavailable("57014")).as("statement timeout: busy, answered apart").isFalse();
        assertThat(DataAccessHandler.unavailable(null)).isFalse();
    }
}
