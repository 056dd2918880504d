package ge.dms.cdc;

import ge.dms.cdc.publish.AckListener;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.cdc.ChangeEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Measures commit → Kafka acknowledgement of the CDC hop at a steady 200 single-row updates/s,
 * once with this pipeline's settings and once with Debezium's and Kafka's defaults for the
 * latency-relevant keys. Not a test (asserts nothing about speed) and not run by default: the
 * name does not match failsafe's patterns. Run it with
 * {@code ./dev test -pl cdc-pipeline -am -Dit.test=CdcLatencyMeasurement -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dcdc.measure.seconds=60} to change the length). Results go to the log and to
 * {@code cdc-pipeline/target/cdc-latency.md}.
 *
 * <p>Two starting points: PostgreSQL's commit timestamp of the change (taken before the commit's
 * WAL flush, so the commit's own fsync is included), and the moment the COMMIT returned to the
 * writing client (what a caller of command-api experiences as "committed"). The end point is
 * when the producer's future completed. Same machine, same clock.
 */
@WithDevStack
class CdcLatencyMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(CdcLatencyMeasurement.class);
    private static final int RATE_PER_SECOND = 200;
    private static final int ROWS = 100;
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    @Test
    void measureWithChosenSettings(TestNamespace ns) throws Exception {
        measure(ns, "chosen settings (CdcConfig defaults: poll 5 ms, linger 0, offset flush 1 s)", Map.of());
    }

    @Test
    void measureWithDebeziumDefaults(TestNamespace ns) throws Exception {
        measure(ns, "Debezium/Kafka defaults (poll 500 ms, linger 5 ms, offset flush 60 s, heartbeat off)", Map.of(
                "cdc.poll.interval.ms", "500",
                "cdc.producer.linger.ms", "5",
                "cdc.offset.flush.interval.ms", "60000",
                "cdc.heartbeat.interval.ms", "0",
                "cdc.status.update.interval.ms", "10000"));
    }

    /** {@code -Dcdc.measure.overrides=cdc.poll.interval.ms=1,cdc.offset.flush.interval.ms=10000} tries other settings. */
    @Test
    void measureWithOverridesFromTheCommandLine(TestNamespace ns) throws Exception {
        String overrides = System.getProperty("cdc.measure.overrides", "");
        if (overrides.isBlank()) {
            return;
        }
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String pair : overrides.split(",")) {
            String[] kv = pair.split("=", 2);
            keys.put(kv[0].trim(), kv[1].trim());
        }
        measure(ns, "overrides " + keys, keys);
    }

    private void measure(TestNamespace ns, String label, Map<String, String> overrides) throws Exception {
        long seconds = Long.getLong("cdc.measure.seconds", 30);
        Histogram fromCommitTimestamp = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Map<String, Instant> acks = new ConcurrentHashMap<>();
        Map<String, Instant> commitsReturned = new ConcurrentHashMap<>();
        Instant measureFrom = Instant.now().plus(WARM_UP).plusSeconds(3);
        try (CdcFixture db = CdcFixture.create(ns, overrides)) {
            seed(db);
            AckListener listener = (ChangeEvent event, Instant ackedAt) -> {
                if (!event.snapshot() && event.commitTime().isAfter(measureFrom)) {
                    fromCommitTimestamp.recordValue(Math.max(0, ChronoUnit.MICROS.between(event.commitTime(), ackedAt)));
                    acks.put(event.id() + ":" + event.after().get("version"), ackedAt);
                }
            };
            try (CdcPipeline pipeline = CdcPipeline.start(db.config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), listener)) {
                db.awaitSlot();
                await().atMost(Duration.ofSeconds(60)).until(() -> db.slotExists(true));
                long written = writeAtSteadyRate(db, seconds + WARM_UP.toSeconds() + 3, measureFrom, commitsReturned);
                await().atMost(Duration.ofSeconds(60)).until(() -> fromCommitTimestamp.getTotalCount() >= written);
                LOG.info("after the run: {}", pipeline.health());
            }
        }
        Histogram fromCommitReturned = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long ackedBeforeCommitReturned = 0;
        for (Map.Entry<String, Instant> commit : commitsReturned.entrySet()) {
            Instant ack = acks.get(commit.getKey());
            if (ack != null) {
                long micros = ChronoUnit.MICROS.between(commit.getValue(), ack);
                ackedBeforeCommitReturned += micros < 0 ? 1 : 0;
                fromCommitReturned.recordValue(Math.max(0, micros));
            }
        }
        report(label + ", from PostgreSQL commit timestamp", fromCommitTimestamp, seconds);
        report(label + ", from COMMIT returned to the client", fromCommitReturned, seconds);
        LOG.info("{} changes were acknowledged by Kafka before their COMMIT returned to the client", ackedBeforeCommitReturned);
    }

    private static void seed(CdcFixture db) {
        db.sql("INSERT INTO restaurants (id, name) VALUES (1, 'R')",
                "INSERT INTO orders (id, reference, restaurant_id, status, delivery_address, total_amount, item_count, version) "
                        + "SELECT g, 'ORD-' || g, 1, 'pending', 'Addr', 10.00, 1, 1 FROM generate_series(1, " + ROWS + ") g");
    }

    /**
     * One UPDATE per 5 ms, each its own transaction, noting when each COMMIT returned; returns
     * how many were written after {@code countFrom}.
     */
    private static long writeAtSteadyRate(CdcFixture db, long seconds, Instant countFrom, Map<String, Instant> commitsReturned)
            throws Exception {
        AtomicLong counted = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        try (Connection c = db.connect();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE orders SET version = version + 1, updated_at = now() WHERE id = ? RETURNING id, version")) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            AtomicLong n = new AtomicLong();
            scheduler.scheduleAtFixedRate(() -> {
                try {
                    update.setLong(1, 1 + n.getAndIncrement() % ROWS);
                    try (ResultSet row = update.executeQuery()) {
                        Instant returned = Instant.now();
                        row.next();
                        if (returned.isAfter(countFrom)) {
                            commitsReturned.put(row.getLong(1) + ":" + row.getLong(2), returned);
                            counted.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    failed.set(true);
                    LOG.error("update failed", e);
                }
            }, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
            await().atMost(Duration.ofSeconds(seconds + 30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> n.get() >= seconds * RATE_PER_SECOND || failed.get());
            scheduler.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
        // Commits in the first moments after countFrom may carry a commit time just before it: allow for that.
        return Math.max(0, counted.get() - RATE_PER_SECOND / 10);
    }

    private static void report(String label, Histogram h, long seconds) throws IOException {
        String line = String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", label, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
        LOG.info("commit -> Kafka ack over {} s at {} changes/s, ms: {}", seconds, RATE_PER_SECOND, line);
        Path out = Path.of("target", "cdc-latency.md");
        if (!Files.exists(out)) {
            Files.writeString(out, "| settings | changes | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n|---|---|---|---|---|---|---|\n");
        }
        Files.writeString(out, line + "\n", StandardOpenOption.APPEND);
    }
}
