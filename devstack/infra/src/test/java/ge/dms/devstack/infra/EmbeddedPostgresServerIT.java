package ge.dms.devstack.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerIT {

    private static Infrastructure infrastructure;
    private static PostgresEndpoint writeDatabase;

    @BeforeAll
    static void startServers() {
        infrastructure = Infrastructure.start(null, Map.of());
        writeDatabase = infrastructure.endpoints().writeDatabase();
    }

    @AfterAll
    static void stopServers() {
        infrastructure.close();
    }

    @Test
    void shouldRunLogicalDecodingWithDurabilityOn() throws SQLException {
        try (Connection connection = connect(writeDatabase); Statement statement = connection.createStatement()) {
            assertThat(show(statement, "wal_level")).isEqualTo("logical");
            assertThat(show(statement, "fsync")).isEqualTo("on");
            assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(Integer.parseInt(show(statement, "max_replication_slots"))).isGreaterThanOrEqualTo(16);
            assertThat(Integer.parseInt(show(statement, "max_wal_senders"))).isGreaterThanOrEqualTo(16);
            assertThat(Integer.parseInt(show(statement, "server_version_num"))).isGreaterThanOrEqualTo(160000);
        }
    }

    @Test
    void shouldCountEveryStatementForTheSlowQueryReport() throws SQLException {
        try (Connection connection = connect(writeDatabase); Statement statement = connection.createStatement()) {
            assertThat(show(statement, "log_min_duration_statement")).isEqualTo("250ms");
            SlowStatements.reset(writeDatabase);
            for (int i = 0; i < 3; i++) {
                statement.execute("SELECT count(*) FROM generate_series(1, 1000 + " + i + ") AS slow_probe");
            }
        }

        List<SlowStatements.Row> top = SlowStatements.top(writeDatabase, SlowStatements.Order.TOTAL, 50);

        assertThat(top).filteredOn(r -> r.query().contains("slow_probe")).singleElement().satisfies(r -> {
            assertThat(r.calls()).isEqualTo(3); // constants normalised: one statement, three calls
            assertThat(r.database()).isEqualTo(Infrastructure.WRITE_DATABASE);
            assertThat(r.totalMs()).isPositive();
        });
        SlowStatements.reset(writeDatabase);
        assertThat(SlowStatements.top(writeDatabase, SlowStatements.Order.MEAN, 50)).noneMatch(r -> r.query().contains("slow_probe"));
    }

    @Test
    void shouldHaveSeparateWriteAndReadDatabases() throws SQLException {
        PostgresEndpoint readDatabase = infrastructure.endpoints().readDatabase();
        assertThat(writeDatabase.database()).isEqualTo(Infrastructure.WRITE_DATABASE);
        assertThat(readDatabase.database()).isEqualTo(Infrastructure.READ_DATABASE);
        try (Connection write = connect(writeDatabase); Statement statement = write.createStatement()) {
            statement.execute("CREATE TABLE only_on_write_side (id int)");
        }
        try (Connection read = connect(readDatabase); Statement statement = read.createStatement();
             var rows = statement.executeQuery("SELECT to_regclass('only_on_write_side') IS NULL")) {
            rows.next();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    @Test
    void shouldStreamCommittedChangesThroughAPgoutputSlot() throws Exception {
        String georgianName = "ხაჭაპური";
        try (Connection connection = connect(writeDatabase); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE product_probe (id bigint PRIMARY KEY, name text NOT NULL)");
            statement.execute("CREATE PUBLICATION probe_publication FOR TABLE product_probe");
            statement.execute("SELECT pg_create_logical_replication_slot('probe_slot', 'pgoutput')");
            statement.execute("INSERT INTO product_probe VALUES (1, '" + georgianName + "')");
        }

        List<byte[]> messages = readReplicationMessages("probe_slot", "probe_publication", 4);

        // pgoutput: B(egin), R(elation), I(nsert), C(ommit), in that order for one transaction.
        assertThat(messages).extracting(message -> (char) message[0]).containsSequence('B', 'R', 'I', 'C');
        byte[] insert = messages.stream().filter(message -> message[0] == 'I').findFirst().orElseThrow();
        assertThat(new String(insert, StandardCharsets.UTF_8)).contains(georgianName);
    }

    private static List<byte[]> readReplicationMessages(String slot, String publication, int count) throws SQLException, InterruptedException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, writeDatabase.user());
        PGProperty.PASSWORD.set(properties, writeDatabase.password());
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        List<byte[]> messages = new ArrayList<>();
        try (Connection replication = DriverManager.getConnection(writeDatabase.jdbcUrl(), properties)) {
            PGReplicationStream stream = replication.unwrap(PGConnection.class).getReplicationAPI()
                    .replicationStream().logical()
                    .withSlotName(slot)
                    .withSlotOption("proto_version", 1)
                    .withSlotOption("publication_names", publication)
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (messages.size() < count && Instant.now().isBefore(deadline)) {
                ByteBuffer buffer = stream.readPending();
                if (buffer == null) {
                    Thread.onSpinWait();
                    continue;
                }
                byte[] message = new byte[buffer.remaining()];
                buffer.get(message);
                messages.add(message);
            }
            stream.close();
        }
        return messages;
    }

    private static Connection connect(PostgresEndpoint endpoint) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (var rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
