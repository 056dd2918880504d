package ge.dms.bench.commands;

import ge.dms.bench.report.Series;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code commands} workload ({@link OrderFlow}: placements and lifecycle steps through the command API, open loop)
 * run in the background at a fixed rate while another scenario measures reads, so the write side is taking changes
 * as it would in business hours: index upkeep, WAL, CDC and the projections all busy. Runs until {@link #close()}.
 */
public final class WriteLoad implements AutoCloseable {

    /** The longest a load may run; it is stopped long before. */
    private static final Duration AT_MOST = Duration.ofHours(24);

    private final double rate;
    private final ApiClient client;
    private final Measurements measurements = new Measurements();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<OpenLoop.Outcome> outcome = new AtomicReference<>();
    private final Thread runner;
    private final long started = System.nanoTime();
    private volatile long stoppedAt;

    private WriteLoad(double rate, ApiClient client, OrderFlow flow, int maxInFlight) {
        this.rate = rate;
        this.client = client;
        this.runner = Thread.ofPlatform().name("bench-write-load").daemon().start(() -> outcome.set(OpenLoop.run(rate, AT_MOST,
                maxInFlight, intended -> flow.next(intended, measurements), intended -> measurements.error(Measurements.ALL,
                        "refused-by-client"), ms -> { }, stop::get)));
    }

    /**
     * Creates the workload's own restaurants, drivers and products through the command API (as {@code commands}
     * does: 20, 10, 40), then starts {@code rate} changes a second.
     */
    public static WriteLoad start(URI commandApi, String secret, double rate, Duration timeout, int maxInFlight)
            throws IOException, InterruptedException {
        ApiClient client = new ApiClient(commandApi, timeout);
        try {
            return new WriteLoad(rate, client, new OrderFlow(client, Fixture.create(client, secret, 20, 10, 40)), maxInFlight);
        } catch (IOException | InterruptedException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** What the load did, for the results: rate, changes issued (once stopped), errors by kind and the commands' latency. */
    public Map<String, Object> figures() {
        Duration ran = Duration.ofNanos((stoppedAt == 0 ? System.nanoTime() : stoppedAt) - started);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("offeredChangesPerSecond", rate);
        OpenLoop.Outcome done = outcome.get();
        if (done != null) {
            figures.putAll(done.figures(ran));
        }
        List<Series> series = measurements.summarise("writes ", List.of(Measurements.ALL), ran);
        series.stream().findFirst().ifPresent(s -> {
            figures.put("succeeded", s.count());
            figures.put("errors", s.errors());
            figures.put("errorsByKind", s.errorsByKind());
            figures.put("p50", s.p50());
            figures.put("p99", s.p99());
        });
        figures.put("seconds", Math.round(ran.toMillis() / 100.0) / 10.0);
        return figures;
    }

    /** Stops the load and waits for its last answers; again is a no-op, so a caller may stop it before reading {@link #figures}. */
    @Override
    public void close() throws InterruptedException {
        if (stop.getAndSet(true)) {
            return;
        }
        runner.join(Duration.ofSeconds(60));
        stoppedAt = System.nanoTime();
        client.close();
    }
}
