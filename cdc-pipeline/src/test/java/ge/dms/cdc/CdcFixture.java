package ge.dms.cdc;

import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.schemas.CdcTopics;
import ge.dms.schemas.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One test's write-side database (the fixture tables and publication), its CDC config and
 * topics, and cleanup: the test's replication slot is dropped at the end so it pins no WAL.
 */
final class CdcFixture implements AutoCloseable {

    final PostgresEndpoint database;
    final CdcConfig config;
    final CdcTopics topics;

    private CdcFixture(PostgresEndpoint database, CdcConfig config) {
        this.database = database;
        this.config = config;
        this.topics = Topics.withPrefix(config.topics().prefix());
    }

    /** A fresh database with the write-side tables and the {@code dms_cdc} publication. */
    static CdcFixture create(TestNamespace ns) {
        return create(ns, Map.of());
    }

    static CdcFixture create(TestNamespace ns, Map<String, String> overrides) {
        PostgresEndpoint database = ns.writeDatabase();
        CdcConfig config = CdcConfig.defaults(database.jdbcUrl(), database.user(), database.password(),
                ns.endpoints().kafkaBootstrap()).with(Map.of(
                "cdc.name", ns.id(),
                "cdc.topic.prefix", ns.topicPrefix(),
                "cdc.slot.name", ns.id() + "_slot",
                "cdc.slot.check.interval.ms", "500"));
        CdcFixture fixture = new CdcFixture(database, overrides.isEmpty() ? config : config.with(overrides));
        fixture.sql(resource("write-side-fixture.sql"));
        return fixture;
    }

    CdcPipeline start() {
        CdcPipeline pipeline = CdcPipeline.start(config);
        awaitSlot();
        return pipeline;
    }

    /** Once the slot exists, every later commit is streamed (earlier rows come through the snapshot). */
    void awaitSlot() {
        await().atMost(Duration.ofSeconds(60)).until(() -> slotExists(false));
    }

    boolean slotExists(boolean activeOnly) throws SQLException {
        try (Connection c = connect(); var s = c.prepareStatement(
                "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            s.setString(1, config.source().slotName());
            try (var rows = s.executeQuery()) {
                return rows.next() && (!activeOnly || rows.getBoolean(1));
            }
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** Runs the statements in one transaction. */
    void sql(String... statements) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cuts the pipeline's replication connection, as a PostgreSQL restart or a network failure would. */
    void terminateWalSender() {
        sql("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '" + config.source().slotName()
                + "' AND active_pid IS NOT NULL");
    }

    ChangeCollector collector() {
        return new ChangeCollector(config.connection().kafkaBootstrap(), topics);
    }

    @Override
    public void close() {
        dropSlot();
    }

    /** Drops the slot (ending a walsender still holding it) so the shared server keeps no WAL for it. */
    void dropSlot() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                s.execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '"
                        + config.source().slotName() + "' AND active_pid IS NOT NULL");
                s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                        + config.source().slotName() + "'");
                return !slotExists(false);
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = CdcFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
