package ge.dms.devstack.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresEndpointTest {

    @Test
    void shouldSwapTheDatabaseKeepingServerAndParameters() {
        PostgresEndpoint endpoint = new PostgresEndpoint("jdbc:postgresql://db.internal:6543/dms_write?sslmode=require", "app", "secret");

        PostgresEndpoint other = endpoint.withDatabase("dms_read");

        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/dms_read?sslmode=require");
        assertThat(other.database()).isEqualTo("dms_read");
        assertThat(other.host()).isEqualTo("db.internal");
        assertThat(other.port()).isEqualTo(6543);
        assertThat(other.user()).isEqualTo("app");
    }

    @Test
    void shouldNotPrintThePassword() {
        assertThat(new PostgresEndpoint("jdbc:postgresql://h:1/d", "u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void shouldRefuseANonPostgresUrl() {
        assertThatThrownBy(() -> new PostgresEndpoint("jdbc:mysql://h/d", "u", "p")).isInstanceOf(IllegalArgumentException.class);
    }
}
