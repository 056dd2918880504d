package ge.dms.cdc;

import ge.dms.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdcConfigTest {

    private static final Map<String, String> ENV = Map.of(
            "DMS_POSTGRES_URL", "jdbc:postgresql://db:5432/dms_write", "DMS_POSTGRES_USER", "cdc",
            "DMS_POSTGRES_PASSWORD", "secret", "DMS_KAFKA_BOOTSTRAP", "kafka:9092", "CDC_SLOT_NAME", "from_env");

    @Test
    void shouldReadConnectionFromEnvironmentAndKeysFromPropertiesThenEnvironment() {
        CdcConfig config = CdcConfig.from(ENV, Map.of("cdc.poll.interval.ms", "20"));

        assertThat(config.connection().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/dms_write");
        assertThat(config.connection().kafkaBootstrap()).isEqualTo("kafka:9092");
        assertThat(config.engine().pollIntervalMs()).isEqualTo(20);
        assertThat(config.source().slotName()).isEqualTo("from_env");
        assertThat(config.engine().offsetFlushIntervalMs()).isEqualTo(1_000);
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void shouldRoundTripEveryKey() {
        CdcConfig config = CdcConfig.from(ENV, Map.of()).with(Map.of("cdc.topic.prefix", "t1."));

        assertThat(CdcConfig.from(ENV, config.asKeys())).isEqualTo(config);
        assertThat(config.offsetTopicName()).isEqualTo("t1.dms.cdc.offsets");
    }

    @Test
    void shouldNameEveryMissingSettingInOneError() {
        assertThatThrownBy(() -> CdcConfig.from(Map.of(), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("DMS_POSTGRES_URL is not set")
                .hasMessageContaining("DMS_KAFKA_BOOTSTRAP is not set");
    }

    @Test
    void shouldNameEveryMalformedSettingInOneError() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("DMS_POSTGRES_URL", "postgres://db/dms_write");
        env.put("DMS_KAFKA_BOOTSTRAP", "kafka");
        env.put("CDC_HEALTH_PORT", "http");

        assertThatThrownBy(() -> CdcConfig.from(env, Map.of("cdc.poll.interval.ms", "fast")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "DMS_POSTGRES_URL must be a jdbc:postgresql://host:port/database URL, got 'postgres://db/dms_write'",
                        "DMS_KAFKA_BOOTSTRAP must be host:port[,host:port...], got 'kafka'",
                        "CDC_POLL_INTERVAL_MS (cdc.poll.interval.ms) must be a whole number from 0 to 9223372036854775807, got 'fast'",
                        "CDC_HEALTH_PORT (cdc.health.port) must be a whole number from -1 to 65535, got 'http'"));
    }
}
