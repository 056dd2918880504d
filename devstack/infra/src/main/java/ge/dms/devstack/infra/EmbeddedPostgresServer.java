package ge.dms.devstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from zonky's Maven-packaged binaries, configured for logical
 * decoding and for durability.
 *
 * <p>zonky starts PostgreSQL tuned for throwaway tests: {@code -F} (fsync off) and
 * {@code synchronous_commit=off}. Both are turned back on here: fsync because a platform that
 * loses acknowledged orders on a crash is not a platform, and synchronous_commit because with
 * it off the walsender only sees a commit after the WAL writer flushes it, which adds
 * 200-400 ms to every change on its way to CDC.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    public static final String SUPERUSER = "postgres";

    /** The running server; null between {@link #stop()} and {@link #restart()}. */
    private EmbeddedPostgres postgres;
    private final int port;
    private final DataDirectory dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataDirectory dataDirectory) {
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.dataDirectory = dataDirectory;
    }

    /** Starts a server keeping its files in {@code dataDirectory}; reuses a cluster found there. */
    public static EmbeddedPostgresServer start(DataDirectory dataDirectory) {
        return new EmbeddedPostgresServer(launch(dataDirectory, FreePorts.next()), dataDirectory);
    }

    private static EmbeddedPostgres launch(DataDirectory dataDirectory, int port) {
        Path clusterDirectory = dataDirectory.path().resolve("pgdata");
        Path logFile = dataDirectory.path().resolve("postgres.log");
        boolean existingCluster = Files.exists(clusterDirectory.resolve("PG_VERSION"));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "64")
                    .setServerConfig("max_wal_senders", "64")
                    .setServerConfig("max_connections", "300")
                    // Lets a quiet slot be noticed before it pins unbounded WAL on a dev laptop.
                    .setServerConfig("max_slot_wal_keep_size", "4GB")
                    .setServerConfig("timezone", "UTC")
                    // Every statement's cost, for ./dev slow-queries (SlowStatements).
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    // A statement slower than this is written to postgres.log with its text and duration.
                    .setServerConfig("log_min_duration_statement", "250ms")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            LOG.info("PostgreSQL started on port {} ({} cluster in {})",
                    postgres.getPort(), existingCluster ? "existing" : "new", clusterDirectory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; its log is " + logFile, e);
        }
    }

    /** The superuser endpoint for {@code database} on this server. */
    public PostgresEndpoint endpoint(String database) {
        return new PostgresEndpoint("jdbc:postgresql://localhost:" + port + "/" + database, SUPERUSER, "");
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does (sessions ended, a checkpoint, nothing committed lost),
     * keeping its port and cluster for {@link #restart()}: for failure tests and {@code ./dev up}'s faults.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            LOG.info("PostgreSQL on port {} stopped", port);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port + " did not stop", e);
        } finally {
            postgres = null;
        }
    }

    /** Starts a stopped server again on the same port and cluster (its WAL, slots and databases as they were). */
    public synchronized void restart() {
        if (postgres == null) {
            postgres = launch(dataDirectory, port);
        }
    }

    /** Creates {@code database} unless it exists; returns its endpoint. */
    public PostgresEndpoint createDatabaseIfMissing(String database) {
        return createDatabaseIfMissing(endpoint("postgres"), database);
    }

    /** Creates {@code database} on the server behind {@code admin} unless it exists. */
    public static PostgresEndpoint createDatabaseIfMissing(PostgresEndpoint admin, String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database names here are lower-case identifiers: " + database);
        }
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rows.next()) {
                    statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
            return admin.withDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on " + admin.hostAndPort(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        } finally {
            dataDirectory.discardIfTemporary();
        }
    }
}
