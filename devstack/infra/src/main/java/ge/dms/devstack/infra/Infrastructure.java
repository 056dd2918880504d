package ge.dms.devstack.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL (write and read databases), Kafka and Redis for one JVM: each started here from
 * Maven artifacts, or, when its {@code DMS_*} variable is set, the external server it names.
 * Redis starts first, then PostgreSQL and Kafka side by side; {@link #close()} stops them in reverse.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

    public static final String WRITE_DATABASE = "dms_write";
    public static final String READ_DATABASE = "dms_read";

    private final Endpoints endpoints;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedRedisServer redis;
    private final Deque<AutoCloseable> started;

    private Infrastructure(Endpoints endpoints, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
                           EmbeddedRedisServer redis, Deque<AutoCloseable> started) {
        this.endpoints = endpoints;
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
        this.started = started;
    }

    /**
     * Starts what the environment does not point elsewhere.
     *
     * @param dataRoot    folder to keep state in between runs, or null for temporary folders
     * @param environment where {@code DMS_*} overrides are read (normally {@link System#getenv()})
     */
    public static Infrastructure start(Path dataRoot, Map<String, String> environment) {
        ExternalServers external = ExternalServers.from(environment);
        // Redis first, alone: embedded-redis writes its binary to a fresh file and executes it, and a
        // process forked meanwhile by another thread (PostgreSQL's start) inherits the open file and
        // makes that exec fail with ETXTBSY ("Text file busy"). It takes well under a second.
        var redisStart = CompletableFuture.completedFuture(external.redisUrl().isPresent()
                ? null : EmbeddedRedisServer.start(DataDirectory.under(dataRoot, "redis")));
        var postgresStart = CompletableFuture.supplyAsync(() -> external.writeDatabase().isPresent()
                ? null : EmbeddedPostgresServer.start(DataDirectory.under(dataRoot, "postgres")));
        var kafkaStart = CompletableFuture.supplyAsync(() -> external.kafkaBootstrap().isPresent()
                ? null : EmbeddedKafkaBroker.start(DataDirectory.under(dataRoot, "kafka")));
        List<CompletableFuture<? extends AutoCloseable>> starts = List.of(postgresStart, kafkaStart, redisStart);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            CompletableFuture.allOf(postgresStart, kafkaStart, redisStart).join();
        } catch (CompletionException e) {
            starts.stream().filter(s -> !s.isCompletedExceptionally()).map(CompletableFuture::join)
                    .filter(Objects::nonNull).forEach(started::push);
            closeAll(started);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        starts.stream().map(CompletableFuture::join).filter(Objects::nonNull).forEach(started::push);
        EmbeddedPostgresServer postgres = postgresStart.join();
        EmbeddedKafkaBroker kafka = kafkaStart.join();
        EmbeddedRedisServer redis = redisStart.join();
        try {
            PostgresEndpoint writeDatabase = external.writeDatabase()
                    .orElseGet(() -> postgres.createDatabaseIfMissing(WRITE_DATABASE));
            PostgresEndpoint readDatabase = external.readDatabase().orElseGet(() -> postgres != null
                    ? postgres.createDatabaseIfMissing(READ_DATABASE)
                    : EmbeddedPostgresServer.createDatabaseIfMissing(writeDatabase.withDatabase("postgres"), READ_DATABASE));
            Endpoints endpoints = new Endpoints(writeDatabase, readDatabase,
                    external.kafkaBootstrap().orElseGet(() -> kafka.bootstrapServers()),
                    external.redisUrl().orElseGet(() -> redis.url()));
            return new Infrastructure(endpoints, postgres, kafka, redis, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The broker started here, for tests that stop and restart Kafka; empty when Kafka is external. */
    public Optional<EmbeddedKafkaBroker> embeddedKafka() {
        return Optional.ofNullable(kafka);
    }

    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<EmbeddedRedisServer> embeddedRedis() {
        return Optional.ofNullable(redis);
    }

    /** One line per server: what it is and where, for people reading a terminal. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "PostgreSQL (write) " + origin(postgres) + "  " + endpoints.writeDatabase().jdbcUrl() + "  user=" + endpoints.writeDatabase().user(),
                "PostgreSQL (read)  " + origin(postgres) + "  " + endpoints.readDatabase().jdbcUrl() + "  user=" + endpoints.readDatabase().user(),
                "Kafka (KRaft)      " + origin(kafka) + "  " + endpoints.kafkaBootstrap(),
                "Redis              " + origin(redis) + "  " + endpoints.redisUrl());
    }

    private static String origin(Object embedded) {
        return embedded != null ? "embedded" : "external";
    }

    @Override
    public void close() {
        closeAll(started);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", server.getClass().getSimpleName(), e);
            }
        }
    }
}
