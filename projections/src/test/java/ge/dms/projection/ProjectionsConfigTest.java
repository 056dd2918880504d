package ge.dms.projection;

import ge.dms.settings.InvalidSettingsException;
import ge.dms.settings.SettingsReader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionsConfigTest {

    private static final Map<String, String> ENV = Map.of(
            "DMS_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092", "DMS_REDIS_URL", "redis://redis:6379",
            "DMS_READ_POSTGRES_URL", "jdbc:postgresql://db:5432/dms_read", "DMS_READ_POSTGRES_USER", "projections",
            "DMS_PROJECTIONS_TOPIC_PARTITIONS", "12", "DMS_PROJECTIONS_CREATE_TOPICS", "TRUE");

    @Test
    void shouldReadEverySettingFromTheEnvironment() {
        ProjectionsConfig config = ProjectionsConfig.fromEnvironment(ENV);

        assertThat(config.kafkaBootstrap()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.redisUrl()).isEqualTo("redis://redis:6379");
        assertThat(config.readJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/dms_read");
        assertThat(config.readUser()).isEqualTo("projections");
        assertThat(config.partitions()).isEqualTo(12);
        assertThat(config.createTopics()).isTrue();
        assertThat(config.redisKeyPrefix()).isEqualTo(ProjectionsConfig.DEFAULT_REDIS_KEY_PREFIX);
    }

    @Test
    void shouldMatchTheChangeTopicsPartitionsWhenNoCountIsSet() {
        Map<String, String> env = new HashMap<>(ENV);
        env.remove("DMS_PROJECTIONS_TOPIC_PARTITIONS");

        assertThat(ProjectionsConfig.fromEnvironment(env).partitions()).isEqualTo(ProjectionsConfig.MATCH_CDC_PARTITIONS);
    }

    @Test
    void shouldGiveEveryStreamsApplicationTheStandbyReplicasAsked() {
        Map<String, String> env = new HashMap<>(ENV);
        assertThat(ProjectionsConfig.fromEnvironment(env).standbyReplicas()).isZero();
        env.put("DMS_PROJECTIONS_STANDBY_REPLICAS", "1");

        ProjectionsConfig config = ProjectionsConfig.fromEnvironment(env);

        assertThat(StreamsSettings.properties(config, "app", StreamsSettings.HOT_PATH))
                .containsEntry(org.apache.kafka.streams.StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        assertThat(StreamsSettings.properties(config, "app", StreamsSettings.BATCH))
                .containsEntry(org.apache.kafka.streams.StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    }

    @Test
    void shouldWarmUpByDefaultAndTakeTheCountOrZeroFromTheEnvironment() {
        Map<String, String> env = new HashMap<>(ENV);
        assertThat(ProjectionsConfig.fromEnvironment(env).warmUpOrders()).isEqualTo(ProjectionsConfig.DEFAULT_WARM_UP_ORDERS);
        env.put("DMS_PROJECTIONS_WARMUP_ORDERS", "0");
        assertThat(ProjectionsConfig.fromEnvironment(env).warmUpOrders()).isZero();
        env.put("DMS_PROJECTIONS_WARMUP_ORDERS", "-1");

        assertThatThrownBy(() -> ProjectionsConfig.fromEnvironment(env))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("DMS_PROJECTIONS_WARMUP_ORDERS must be a whole number from 0 to 1000000, got '-1'");
    }

    @Test
    void shouldNameEveryMissingVariableInOneError() {
        assertThatThrownBy(() -> ProjectionsConfig.fromEnvironment(Map.of()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "DMS_KAFKA_BOOTSTRAP is not set (the Kafka bootstrap servers)",
                        "DMS_REDIS_URL is not set (where the views are written)",
                        "DMS_READ_POSTGRES_URL is not set (the read-side database)"));
    }

    @Test
    void shouldNameEveryMalformedVariableInOneError() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("DMS_REDIS_URL", "redis:6379");
        env.put("DMS_READ_POSTGRES_URL", "postgresql://db/dms_read");
        env.put("DMS_PROJECTIONS_TOPIC_PARTITIONS", "twelve");
        env.put("DMS_PROJECTIONS_CREATE_TOPICS", "yes");

        assertThatThrownBy(() -> ProjectionsConfig.fromEnvironment(env))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("DMS_REDIS_URL must be a redis://host:port URL, got 'redis:6379'")
                .hasMessageContaining("DMS_READ_POSTGRES_URL must be a jdbc:postgresql://host:port/database URL")
                .hasMessageContaining("DMS_PROJECTIONS_TOPIC_PARTITIONS must be a whole number from 1 to 2147483647, got 'twelve'")
                .hasMessageContaining("DMS_PROJECTIONS_CREATE_TOPICS must be true or false, got 'yes'");
    }

    @Test
    void shouldRefuseAHealthPortThatIsNotAPort() {
        SettingsReader settings = SettingsReader.of(Map.of(ProjectionsMain.HEALTH_PORT, "80800"));
        settings.number(ProjectionsMain.HEALTH_PORT, 8083, -1, 65_535);

        assertThatThrownBy(settings::check).hasMessageContaining("DMS_PROJECTIONS_HEALTH_PORT must be a whole number from -1 to 65535, got '80800'");
    }
}
