package ge.dms.projection.orderview;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The projections' share of a change's way to the driver, as histograms (from {@link HopTrace}, so
 * only views the hot path made): {@code dms.projections.cdc.to.input} (CDC sent it → the stream
 * thread took it: time waiting in Kafka and for the thread), {@code dms.projections.input.to.emit}
 * (→ the view handed to the writer) and {@code dms.projections.emit.to.redis} (→ Redis answered
 * that the script applied it). Clocks are this host's and cdc-pipeline's: on one host, or NTP-close.
 */
public final class HopMetrics {

    /** Records nothing: tests and tools that write views without a registry. */
    public static final HopMetrics NONE = new HopMetrics(null);

    private final Timer cdcToInput;
    private final Timer inputToEmit;
    private final Timer emitToRedis;

    public HopMetrics(MeterRegistry registry) {
        this.cdcToInput = registry == null ? null : timer(registry, "dms.projections.cdc.to.input",
                "CDC sent the change to Kafka -> the order view's stream thread took it");
        this.inputToEmit = registry == null ? null : timer(registry, "dms.projections.input.to.emit",
                "stream thread took the change -> its view was handed to the Redis writer");
        this.emitToRedis = registry == null ? null : timer(registry, "dms.projections.emit.to.redis",
                "view handed to the writer -> Redis applied it");
    }

    /** The view with this trace was just applied in Redis. */
    public void applied(HopTrace trace) {
        if (trace == null || cdcToInput == null) {
            return;
        }
        long now = System.currentTimeMillis();
        cdcToInput.record(Math.max(0, trace.streamsInMs() - trace.cdcSentMs()), TimeUnit.MILLISECONDS);
        inputToEmit.record(Math.max(0, trace.emittedMs() - trace.streamsInMs()), TimeUnit.MILLISECONDS);
        emitToRedis.record(Math.max(0, now - trace.emittedMs()), TimeUnit.MILLISECONDS);
    }

    private static Timer timer(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
    }
}
