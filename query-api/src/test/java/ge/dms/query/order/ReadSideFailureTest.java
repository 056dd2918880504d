package ge.dms.query.order;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A read-side failure is an outage (503) unless the database refused a value the request carried (400). */
class ReadSideFailureTest {

    @Test
    void shouldAnswerADataExceptionAsABadRequest() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

        assertThat(ReadStoreOrders.unavailable(nul).status().getCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerALostConnectionAsUnavailable() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThat(ReadStoreOrders.unavailable(lost).status().getCode()).isEqualTo(503);
    }

    @Test
    void shouldAnswerAFailureWithoutStateAsUnavailable() {
        assertThat(ReadStoreOrders.unavailable(new SQLException("pool timed out")).status().getCode()).isEqualTo(503);
    }
}
