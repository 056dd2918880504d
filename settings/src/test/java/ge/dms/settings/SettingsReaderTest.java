package ge.dms.settings;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsReaderTest {

    @Test
    void shouldReportEveryMissingOrMalformedSettingTogether() {
        SettingsReader settings = SettingsReader.of(Map.of(
                "DB", "postgres://db/dms", "KAFKA", "kafka", "REDIS", "http://cache:6379", "PORT", "99999", "FLAG", "yes"));

        settings.jdbcUrl("DB", "the database");
        settings.hostPorts("KAFKA", "the brokers");
        settings.redisUrl("REDIS", "the cache");
        settings.number("PORT", 8080, 1, 65_535);
        settings.bool("FLAG", false);
        settings.required("SECRET", "the signing key");

        assertThatThrownBy(settings::check).isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                .containsExactly(
                        "DB must be a jdbc:postgresql://host:port/database URL, got 'postgres://db/dms'",
                        "KAFKA must be host:port[,host:port...], got 'kafka'",
                        "REDIS must be a redis://host:port URL, got 'http://cache:6379'",
                        "PORT must be a whole number from 1 to 65535, got '99999'",
                        "FLAG must be true or false, got 'yes'",
                        "SECRET is not set (the signing key)"));
    }

    @Test
    void shouldReturnValidValuesAndFallBackForUnsetOptionalOnes() {
        SettingsReader settings = SettingsReader.of(Map.of(
                "DB", "jdbc:postgresql://db:5432/dms", "KAFKA", "k1:9092, [::1]:9093", "REDIS", "rediss://cache:6380"));

        assertThat(settings.jdbcUrl("DB", "the database")).isEqualTo("jdbc:postgresql://db:5432/dms");
        assertThat(settings.hostPorts("KAFKA", "the brokers")).isEqualTo("k1:9092, [::1]:9093");
        assertThat(settings.redisUrl("REDIS", "the cache")).isEqualTo("rediss://cache:6380");
        assertThat(settings.number("PORT", 8080, 1, 65_535)).isEqualTo(8080);
        assertThat(settings.bool("FLAG", true)).isTrue();
        settings.check();
    }

    @Test
    void shouldLabelANameWithWhereItComesFrom() {
        SettingsReader settings = new SettingsReader(name -> "x", name -> name.toUpperCase().replace('.', '_') + " (" + name + ")");

        settings.number("cdc.poll.interval.ms", 10, 0, 1000);

        assertThatThrownBy(settings::check).hasMessageContaining("CDC_POLL_INTERVAL_MS (cdc.poll.interval.ms) must be a whole number");
    }
}
