package ge.dms.cdc.publish;

import ge.dms.schemas.cdc.ChangeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's Micrometer meters: {@code dms.cdc.events} (counter; its rate is events/s),
 * {@code dms.cdc.last.event.age} (ms since the newest published change committed),
 * {@code dms.cdc.commit.to.ack} (commit to Kafka ack), {@code dms.cdc.send.retries}.
 * Slot meters live in {@code SlotMonitor}.
 */
public final class CdcMetrics {

    private final Clock clock;
    private final Counter events;
    private final Counter retries;
    private final Counter deadLetters;
    private final Timer commitToAck;
    private final AtomicLong lastCommitMillis = new AtomicLong(-1);
    private final AtomicLong published = new AtomicLong();

    public CdcMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.events = Counter.builder("dms.cdc.events").description("change events acknowledged by Kafka").register(registry);
        this.retries = Counter.builder("dms.cdc.send.retries").description("batches sent again after a retriable Kafka failure").register(registry);
        this.deadLetters = Counter.builder("dms.cdc.dead.letters").description("changes parked on the dead-letter topic").register(registry);
        // A histogram (buckets), not client-side percentiles: Prometheus aggregates it across restarts and instances.
        this.commitToAck = Timer.builder("dms.cdc.commit.to.ack").description("source commit to Kafka acknowledgement")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Gauge.builder("dms.cdc.last.event.age", this, CdcMetrics::lastEventAgeMillis).baseUnit("milliseconds")
                .description("age of the newest published change, -1 before the first").register(registry);
    }

    void acked(ChangeEvent event) {
        events.increment();
        published.incrementAndGet();
        long commit = event.commitTime().toEpochMilli();
        lastCommitMillis.accumulateAndGet(commit, Math::max);
        if (!event.snapshot()) {
            commitToAck.record(Duration.ofMillis(Math.max(0, clock.millis() - commit)));
        }
    }

    void retried() {
        retries.increment();
    }

    void deadLettered() {
        deadLetters.increment();
    }

    public long published() {
        return published.get();
    }

    public long lastEventAgeMillis() {
        long last = lastCommitMillis.get();
        return last < 0 ? -1 : clock.millis() - last;
    }
}
