package ge.dms.cdc;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class EnginePropertiesTest {

    @Test
    void shouldRetryTheReplicationStreamOftenAfterADatabaseRestart() {
        Properties p = EngineProperties.of(CdcConfig.defaults("jdbc:postgresql://localhost:5432/dms_write", "u", "p", "localhost:9092"));

        assertThat(p.getProperty("slot.retry.delay.ms")).isEqualTo("500");
        // As long as Debezium's default (six tries 10 s apart) before the connector gives up and restarts.
        assertThat(Long.parseLong(p.getProperty("slot.retry.delay.ms")) * Long.parseLong(p.getProperty("slot.max.retries")))
                .isEqualTo(60_000L);
        assertThat(p.getProperty("errors.max.retries")).isEqualTo("-1");
    }
}
