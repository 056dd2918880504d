package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One fault at a time on a running {@code ./dev up} (its {@code /fault/*} endpoints, {@link FaultEndpoints}): a service
 * killed with {@code kill -9}, a server stopped, a server frozen, each for a bounded window, then undone on the same
 * ports with the same data. Each call blocks until the fault is over and what it took away answers again.
 */
final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    /** The servers {@link #restartServer} knows. */
    static final List<String> SERVERS = List.of("postgres", "kafka", "redis", "redis-empty", "read-postgres");
    /** The longest window a fault may be asked for: a forgotten fault must not take a dev platform away for good. */
    static final Duration LONGEST = Duration.ofMinutes(5);

    /** When the fault began, when it was lifted (the start of the cure) and when the cure was done, epoch ms (same host clock). */
    record Outcome(String fault, String target, long injectedAtMs, long liftedAtMs, long recoveredAtMs) {

        String json() {
            return "{\"fault\":\"" + fault + "\",\"target\":\"" + target + "\",\"injectedAtMs\":" + injectedAtMs
                    + ",\"liftedAtMs\":" + liftedAtMs + ",\"recoveredAtMs\":" + recoveredAtMs + "}\n";
        }
    }

    private final Platform platform;
    private final Infrastructure infrastructure;

    Faults(Platform platform, Infrastructure infrastructure) {
        this.platform = platform;
        this.infrastructure = infrastructure;
    }

    /** {@code kill -9} of {@code service}, nothing for {@code down}, then the service started again and awaited healthy. */
    synchronized Outcome kill(String service, Duration down) throws InterruptedException {
        checkWindow(down);
        long injected = System.currentTimeMillis();
        LOG.info("fault: kill -9 {} for {}", service, down);
        platform.kill(service);
        Thread.sleep(down);
        long lifted = System.currentTimeMillis();
        platform.startAgain(service);
        return new Outcome("kill", service, injected, lifted, System.currentTimeMillis());
    }

    /**
     * Stops {@code server} for {@code down}, then starts it again: {@code postgres} (both databases: one server; pg_ctl
     * stop -m fast), {@code kafka}, {@code redis} (SHUTDOWN, its append-only file kept), {@code redis-empty} (its data
     * deleted while it is down), {@code read-postgres} (the read-side database refuses connections and its sessions are
     * ended, the write side untouched: see the README for why not a second server).
     */
    synchronized Outcome restartServer(String server, Duration down) throws InterruptedException, SQLException {
        checkWindow(down);
        Runnable stop;
        Runnable start;
        switch (server) {
            case "postgres" -> {
                var postgres = infrastructure.embeddedPostgres().orElseThrow(() -> external(server));
                stop = postgres::stop;
                start = postgres::restart;
            }
            case "kafka" -> {
                var kafka = infrastructure.embeddedKafka().orElseThrow(() -> external(server));
                stop = kafka::stop;
                start = kafka::restart;
            }
            case "redis", "redis-empty" -> {
                var redis = infrastructure.embeddedRedis().orElseThrow(() -> external(server));
                stop = () -> redis.stop(server.equals("redis"));
                start = redis::restart;
            }
            case "read-postgres" -> {
                return readSideDown(down);
            }
            default -> throw new IllegalArgumentException("no such server: " + server + "; one of " + String.join(", ", SERVERS));
        }
        long injected = System.currentTimeMillis();
        LOG.info("fault: {} down for {}", server, down);
        stop.run();
        Thread.sleep(down);
        long lifted = System.currentTimeMillis();
        start.run();
        LOG.info("fault over: {} running again", server);
        return new Outcome("restart", server, injected, lifted, System.currentTimeMillis());
    }

    /** {@code SIGSTOP} of redis-server for {@code length}, then {@code SIGCONT}: a network stall as its clients see it. */
    synchronized Outcome pause(String server, Duration length) throws InterruptedException {
        checkWindow(length);
        if (!server.equals("redis")) {
            throw new IllegalArgumentException("only redis can be paused, not " + server);
        }
        var redis = infrastructure.embeddedRedis().orElseThrow(() -> external(server));
        long injected = System.currentTimeMillis();
        LOG.info("fault: redis paused (SIGSTOP) for {}", length);
        redis.pause(length);
        long lifted = System.currentTimeMillis();
        return new Outcome("pause", server, injected, lifted, lifted);
    }

    /**
     * The read side unreachable: {@code ALLOW_CONNECTIONS false} and every session of it ended, so a client sees its
     * connections dropped and every new one refused (FATAL 55000), as with a server that is down; then allowed again.
     */
    private Outcome readSideDown(Duration down) throws SQLException, InterruptedException {
        PostgresEndpoint read = infrastructure.endpoints().readDatabase();
        String database = read.database();
        long injected = System.currentTimeMillis();
        LOG.info("fault: read-side database {} refusing connections for {}", database, down);
        try (Connection admin = DriverManager.getConnection(read.withDatabase("postgres").jdbcUrl(), read.user(), read.password());
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                Thread.sleep(down);
            } finally {
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }
        long lifted = System.currentTimeMillis();
        return new Outcome("restart", "read-postgres", injected, lifted, lifted);
    }

    private static void checkWindow(Duration window) {
        if (window.isNegative() || window.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a fault lasts from 0 to " + LONGEST.toSeconds() + " s, not " + window);
        }
    }

    private static IllegalArgumentException external(String server) {
        return new IllegalArgumentException(server + " is an external server here (a DMS_* variable points at it); "
                + "./dev up only injects faults into servers it started");
    }
}
