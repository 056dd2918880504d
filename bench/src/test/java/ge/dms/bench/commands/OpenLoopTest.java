package ge.dms.bench.commands;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void shouldStartEveryRequestOnScheduleAndRefuseBeyondTheInFlightLimit() {
        ConcurrentLinkedQueue<Long> intended = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        // Requests that never answer within the phase: the schedule must not wait for them.
        OpenLoop.Outcome outcome = OpenLoop.run(200, Duration.ofMillis(500), 60, start -> {
            intended.add(start);
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(400).toNanos());
        }, start -> refused.incrementAndGet(), ms -> { });

        assertThat(outcome.issued() + outcome.refused()).isEqualTo(100);
        assertThat(outcome.refused()).isEqualTo(refused.get()).isPositive();
        assertThat(intended).hasSize((int) outcome.issued());
        // Intended starts are 5 ms apart, exactly: latency is measured from them, not from when a thread got to it.
        Long[] starts = intended.stream().sorted().toArray(Long[]::new);
        assertThat((starts[1] - starts[0]) % 5_000_000L).isZero();
    }

    @Test
    void shouldParseDurationsAsPeopleTypeThem() {
        assertThat(Durations.parse("30s", "1s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(null, "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m", "1s")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("PT1.5S", "1s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("7", "1s")).isEqualTo(Duration.ofSeconds(7));
    }
}
