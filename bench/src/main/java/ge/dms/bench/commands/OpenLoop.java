package ge.dms.bench.commands;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Open-loop load at a fixed rate, free of coordinated omission: request {@code i} is due at
 * {@code start + i / rate}, whether or not earlier ones have answered, and its latency is taken
 * from that intended start, so a stall on the server (or in this scheduler) shows up in the
 * numbers instead of silently lowering the offered load. Each request runs on its own virtual thread.
 */
public final class OpenLoop {

    /** What one phase did: how many it started, how many it refused for lack of client capacity, and the worst scheduling lag. */
    public record Outcome(long issued, long refused, Duration maxLag) {

        /** What the results say of a measured phase of {@code measured}: issued, refused, the rate achieved, the worst lag. */
        public Map<String, Object> figures(Duration measured) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("issued", issued);
            figures.put("refusedByClient", refused);
            figures.put("achievedOfferedRate", Math.round(issued / (Math.max(measured.toNanos(), 1) / 1e9) * 10) / 10.0);
            figures.put("maxSchedulingLagMs", Math.round(maxLag.toNanos() / 1e3) / 1e3);
            return figures;
        }
    }

    private OpenLoop() {
    }

    /**
     * Calls {@code request} with each intended start (System.nanoTime) at {@code rate} per second
     * for {@code duration}, then waits for the answers. Beyond {@code maxInFlight} outstanding
     * requests, {@code refused} is called instead: a client that cannot keep up must say so.
     */
    public static Outcome run(double rate, Duration duration, int maxInFlight, LongConsumer request, LongConsumer refused,
                       LongConsumer progress) {
        return run(rate, duration, maxInFlight, request, refused, progress, () -> false);
    }

    /** As above, ending early (no request started after) once {@code stop} says so: for a phase whose end is not known ahead. */
    public static Outcome run(double rate, Duration duration, int maxInFlight, LongConsumer request, LongConsumer refused,
                              LongConsumer progress, java.util.function.BooleanSupplier stop) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long issued = 0;
        long refusedCount = 0;
        long maxLag = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long intended = start + i * interval;
                if (intended >= end || stop.getAsBoolean()) {
                    break;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                maxLag = Math.max(maxLag, System.nanoTime() - intended);
                if (!inFlight.tryAcquire()) {
                    refused.accept(intended);
                    refusedCount++;
                    continue;
                }
                issued++;
                threads.execute(() -> {
                    try {
                        request.accept(intended);
                    } finally {
                        inFlight.release();
                    }
                });
                if (i % 50 == 0) {
                    progress.accept(Math.min(duration.toMillis(), (System.nanoTime() - start) / 1_000_000));
                }
            }
        } // close() waits for every answer (each request has a timeout)
        progress.accept(duration.toMillis());
        return new Outcome(issued, refusedCount, Duration.ofNanos(maxLag));
    }
}
