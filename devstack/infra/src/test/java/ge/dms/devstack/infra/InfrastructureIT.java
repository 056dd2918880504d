package ge.dms.devstack.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureIT {

    @Test
    void shouldRunTwoIndependentStacksSideBySide() {
        try (Infrastructure first = Infrastructure.start(null, Map.of());
             Infrastructure second = Infrastructure.start(null, Map.of())) {
            assertThat(first.endpoints().writeDatabase().port()).isNotEqualTo(second.endpoints().writeDatabase().port());
            assertThat(first.endpoints().kafkaBootstrap()).isNotEqualTo(second.endpoints().kafkaBootstrap());
            assertThat(first.endpoints().redisUrl()).isNotEqualTo(second.endpoints().redisUrl());
        }
    }

    @Test
    void shouldKeepDataInAGivenDirectoryAcrossRuns(@TempDir Path data) throws Exception {
        try (Infrastructure run = Infrastructure.start(data, Map.of())) {
            execute(run.endpoints().writeDatabase(), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        }
        try (Infrastructure rerun = Infrastructure.start(data, Map.of())) {
            PostgresEndpoint database = rerun.endpoints().writeDatabase();
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 Statement statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(data.resolve("postgres/pgdata/PG_VERSION")).exists();
        assertThat(data.resolve("kafka/kraft-logs/meta.properties")).exists();
    }

    @Test
    void shouldUseExternalServersNamedInTheEnvironment() {
        try (Infrastructure embedded = Infrastructure.start(null, Map.of());
             Infrastructure pointed = Infrastructure.start(null, Map.of(
                     Endpoints.POSTGRES_URL, embedded.endpoints().writeDatabase().jdbcUrl(),
                     Endpoints.KAFKA_BOOTSTRAP, embedded.endpoints().kafkaBootstrap(),
                     Endpoints.REDIS_URL, embedded.endpoints().redisUrl()))) {
            assertThat(pointed.embeddedPostgres()).isEmpty();
            assertThat(pointed.embeddedKafka()).isEmpty();
            assertThat(pointed.embeddedRedis()).isEmpty();
            assertThat(pointed.endpoints().writeDatabase()).isEqualTo(embedded.endpoints().writeDatabase());
            assertThat(pointed.endpoints().readDatabase().database()).isEqualTo(Infrastructure.READ_DATABASE);
            assertThat(pointed.endpoints().kafkaBootstrap()).isEqualTo(embedded.endpoints().kafkaBootstrap());
        }
    }

    @Test
    void shouldRefuseAMalformedRedisUrl() {
        assertThatThrownBy(() -> Infrastructure.start(null, Map.of(Endpoints.REDIS_URL, "localhost:6379")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DMS_REDIS_URL");
    }

    private static void execute(PostgresEndpoint database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
